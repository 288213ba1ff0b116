package cn.hkmo.appointment.it;

import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A citizen reads their hold (GET /api/v1/holds/{id}): only their own, with its expiry in Beijing time; offers: JourneyIT. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class HoldApiIT {

    private static final String BJ = "BJ-CHAOYANG";

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void theOwnerReadsTheWindowHallAndExpiryInTheBusinessZone() {
        String hold = hold("zhangwei", BJ, "09:00");
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/holds/" + hold).then().statusCode(200)
                .body("id", equalTo(hold)).body("kind", equalTo("HOLD")).body("status", equalTo("ACTIVE"))
                .body("hallId", equalTo(BJ)).body("date", equalTo("2026-09-15"))
                .body("windowStart", equalTo("09:00:00")).body("windowEnd", equalTo("09:30:00"))
                // the clock stands at 10:00 in Beijing; the hold lasts five minutes (hkmo.appointment.hold-ttl)
                .body("expiresAt", equalTo("2026-09-14T10:05:00+08:00"));
    }

    @Test
    void anotherCitizensHoldIsNotFoundLikeAMissingOneAndAPartnerNeedsTheCitizensGrant() {
        String hold = hold("zhangwei", BJ, "09:00");
        given().auth().oauth2(Fixtures.token("lina")).get("/api/v1/holds/" + hold).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("HOLD_NOT_FOUND"));
        given().auth().oauth2(Fixtures.token("lina")).get("/api/v1/holds/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("HOLD_NOT_FOUND"));
        given().auth().oauth2(Fixtures.partnerToken()).get("/api/v1/holds/" + hold).then().statusCode(403)
                .body("code", equalTo("PARTNER_NOT_AUTHORISED"));
        given().get("/api/v1/holds/" + hold).then().statusCode(401);
    }

    @Test
    void aHoldPastItsExpiryReadsExpiredBeforeTheSweepGaveItsPlaceBack() {
        String hold = hold("zhangwei", BJ, "09:00");
        clock.advance(Duration.ofMinutes(6));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/holds/" + hold).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("expiresAt", equalTo("2026-09-14T10:05:00+08:00"));
    }

    private static String hold(String user, String hallId, String windowStart) {
        return given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("hallId", hallId, "date", Fixtures.TUESDAY.toString(), "windowStart", windowStart))
                .post("/api/v1/holds").then().statusCode(201).extract().path("id");
    }
}
