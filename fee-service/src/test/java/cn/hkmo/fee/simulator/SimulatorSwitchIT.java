package cn.hkmo.fee.simulator;

import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Where the switch is off (production), the simulated platform does not answer at all. */
@QuarkusTest
@TestProfile(SimulatorSwitchIT.SwitchedOff.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "fee"))
class SimulatorSwitchIT {

    public static class SwitchedOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hkmo.simulator.enabled", "false");
        }
    }

    @Test
    void everySimulatorPathAnswers404() {
        given().formParam("method", "alipay.trade.query").post("/simulator/alipay/gateway.do").then().statusCode(404);
        given().post("/simulator/alipay/trades/F1/pay").then().statusCode(404);
        given().get("/simulator/alipay/trades/F1/notify").then().statusCode(404);
        given().post("/simulator/alipay/trades/F1/notify").then().statusCode(404);
        given().post("/simulator/alipay/refunds/RF1/faults?kind=ANSWER_LOST").then().statusCode(404);
    }
}
