package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics on every application's management interface, off the port the Ingress publishes (issue 15:
 * the gateway's public {@code /q/metrics} named other citizens' bookings; issue 19: probes and scraping use it).
 */
@SystemTest
class ManagementInterfaceIT {

    private static final List<String> MANAGEMENT_PATHS = List.of("/q/health", "/q/health/ready", "/q/health/live",
            "/q/metrics");

    @Test
    @DisplayName("no application answers health or metrics on its API port; each answers them on its management port")
    void healthAndMetricsAnswerOnlyOnTheManagementPort() {
        Suite suite = Suite.get();
        for (String app : Suite.APPS) {
            for (String path : MANAGEMENT_PATHS) {
                assertThat(given().baseUri(suite.url(app)).get(path).statusCode()).as(app + " API port " + path)
                        .isEqualTo(404);
            }
            given().baseUri(suite.managementUrl(app)).get("/q/health/ready").then().statusCode(200);
            assertThat(given().baseUri(suite.managementUrl(app)).get("/q/metrics").then().statusCode(200).extract()
                    .asString()).as(app + " metrics").contains("jvm_memory_used_bytes");
        }
        // the public contract stays public, on the gateway's API port
        given().baseUri(suite.gatewayUrl()).get("/q/openapi").then().statusCode(200);
    }

    @Test
    @DisplayName("the gateway asks each service's readiness on the service's management port")
    void theGatewayReportsEveryUpstreamReady() {
        Map<String, String> upstreams = given().baseUri(Suite.get().managementUrl(Suite.GATEWAY)).get("/q/health/ready")
                .then().statusCode(200).extract().jsonPath()
                .getMap("checks.find { it.name == 'upstream services (informational)' }.data");
        assertThat(upstreams).containsOnly(Map.entry("appointment", "UP"), Map.entry("eligibility", "UP"),
                Map.entry("fee", "UP"), Map.entry("issuance", "UP"), Map.entry("notification", "UP"));
    }
}
