package cn.hkmo.systemtests;

import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.platform.test.PartnerAuthorization.Grant;
import cn.hkmo.systemtests.harness.Partner;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Who may see and do what, checked through the gateway with real tokens of the realm. */
@SystemTest
class SecurityIT {

    private static final String OWNER = "zhangwei";
    private static final String OTHER_CITIZEN = "lina";

    /** zhangwei's accepted application at BJ-CHAOYANG, with its order; and a second booking not checked in. */
    private static Booking accepted;
    private static String applicationNo;
    private static String orderNo;
    private static Booking waiting;

    @BeforeAll
    static void aCitizensBookingApplicationAndOrder() {
        accepted = Steps.book(Tokens.of(OWNER),
                Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 4), "110105", Steps.atHall()));
        applicationNo = Steps.checkInAndAccept("officer.bj", accepted);
        orderNo = Steps.awaitOrder(Tokens.of(OWNER), applicationNo).getString("orderNo");
        Steps.awaitCase(OWNER, applicationNo);
        Steps.awaitTimelineStep(Tokens.of(OWNER), applicationNo, "ACCEPTED");
        waiting = Steps.book(Tokens.of(OWNER),
                Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 5), "110105", Steps.atHall()));
    }

    @Test
    @DisplayName("another citizen's booking, application, order and timeline do not exist for a citizen (404)")
    void anotherCitizensThingsAreNotFound() {
        // the owner sees them ...
        Api.as(OWNER).get("/api/v1/bookings/{no}", accepted.bookingNo()).then().statusCode(200);
        Api.as(OWNER).get("/api/v1/cases/{no}", applicationNo).then().statusCode(200);
        Api.as(OWNER).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200);
        Api.as(OWNER).get("/api/v1/timeline/{no}", applicationNo).then().statusCode(200);
        // ... another citizen gets 404 problem+json for each, and cannot act on them
        notFound(Api.as(OTHER_CITIZEN).get("/api/v1/bookings/{no}", accepted.bookingNo()));
        notFound(Api.as(OTHER_CITIZEN).post("/api/v1/bookings/{no}/cancel", waiting.bookingNo()));
        notFound(Api.as(OTHER_CITIZEN).get("/api/v1/cases/{no}", applicationNo));
        notFound(Api.as(OTHER_CITIZEN).get("/api/v1/fees/orders/{no}", orderNo));
        notFound(Api.as(OTHER_CITIZEN).get("/api/v1/fees/orders/by-application/{no}", applicationNo));
        notFound(Api.as(OTHER_CITIZEN).header("Idempotency-Key", Api.newKey()).body(Map.of("buyerOpenId", "2088000000000002"))
                .post("/api/v1/fees/orders/{no}/alipay", orderNo));
        notFound(Api.as(OTHER_CITIZEN).get("/api/v1/timeline/{no}", applicationNo));
        notFound(Api.as(OTHER_CITIZEN).get("/api/v1/timeline/{no}", accepted.bookingNo()));
        // and the booking is untouched
        Api.as(OWNER).get("/api/v1/bookings/{no}", waiting.bookingNo()).then().statusCode(200).body("status", equalTo("BOOKED"));
    }

    @Test
    @DisplayName("an officer of another hall cannot check in, take in or hand out for this hall (403)")
    void anOfficerOfAnotherHallIsForbidden() {
        Api.as("officer.sh").body(Map.of("code", waiting.checkInCode())).post("/api/v1/officer/check-ins")
                .then().statusCode(403).contentType(startsWith("application/problem+json")).body("code", equalTo("WRONG_HALL"));
        Api.as("officer.sh").body(Map.of("application", Map.of(), "presented", java.util.List.of()))
                .put("/api/v1/intake/bookings/{no}/materials", accepted.bookingNo())
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        Api.as("officer.sh").body(Map.of("collector", "APPLICANT", "idNumber", "110105199003071239"))
                .post("/api/v1/cases/{no}/collection", applicationNo)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        Api.as("officer.sh").body(Map.of("amountFen", 100, "receiptNo", "R-OTHER-HALL"))
                .post("/api/v1/fees/orders/{no}/counter-payments", orderNo)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        // the booking is still waiting for its own hall
        Api.as(OWNER).get("/api/v1/bookings/{no}", waiting.bookingNo()).then().statusCode(200).body("status", equalTo("BOOKED"));
    }

    @Test
    @DisplayName("a partner outside its scopes is forbidden (403): its own token cannot book; a grant without "
            + "\"payment\" cannot pay")
    void aPartnerOutsideItsScopesIsForbidden() {
        // with its own client-credentials token the partner is nobody's agent
        Api.withToken(Tokens.partnerOwn()).header("Idempotency-Key", Api.newKey())
                .body(Steps.firstApplication(Steps.nextWindow("SH-PUDONG", 0), "310104", Steps.atHall()))
                .post("/api/v1/bookings").then().statusCode(403).body("code", equalTo("PARTNER_NOT_AUTHORISED"));
        Api.withToken(Tokens.partnerOwn()).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(403);

        // lina lets the partner book, not pay
        Grant grant = Partner.authorizedBy(OTHER_CITIZEN, "openid booking");
        assertThat((String) Tokens.claims(grant.accessToken()).get("scope")).doesNotContain("payment");
        Booking booking = Steps.book(grant.accessToken(),
                Steps.firstApplication(Steps.nextWindow("SH-PUDONG", 1), "310104", Steps.atHall()));
        String linasApplication = Steps.checkInAndAccept("officer.sh", booking);
        String linasOrder = Steps.awaitOrder(Tokens.of(OTHER_CITIZEN), linasApplication).getString("orderNo");

        Api.withToken(grant.accessToken()).header("Idempotency-Key", Api.newKey()).body(Map.of("buyerOpenId", "2088000000000003"))
                .post("/api/v1/fees/orders/{no}/alipay", linasOrder)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    @DisplayName("tokens with the wrong audience, expired or tampered with are refused at the gateway (401)")
    void badTokensAreUnauthorized() {
        // wrong audience: a token of the realm, but not for hkmo-api
        String otherApp = KeycloakTokens.clientCredentials("other-app", "other-app-secret");
        assertThat(String.valueOf(Tokens.claims(otherApp).get("aud"))).doesNotContain("hkmo-api");
        unauthorized(Api.withToken(otherApp).get("/api/v1/bookings"));

        // expired: the short-lived client's tokens live 2 seconds
        String shortLived = KeycloakTokens.password("short-lived-cli", OWNER);
        await("short-lived token expired").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.withToken(shortLived).get("/api/v1/bookings").statusCode() == 401);
        unauthorized(Api.withToken(shortLived).get("/api/v1/bookings"));

        // tampered: the payload says another citizen, the signature is the original one
        String good = Tokens.of(OWNER);
        Api.withToken(good).get("/api/v1/bookings").then().statusCode(200);
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("110105199003071239", "310104195806120025");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        unauthorized(Api.withToken(tampered).get("/api/v1/bookings"));
        // and a write with a bad token never reaches the service
        unauthorized(Api.withToken(tampered).header("Idempotency-Key", Api.newKey())
                .body(Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 0), "110105", Steps.atHall()))
                .post("/api/v1/bookings"));
    }

    private static void notFound(Response r) {
        r.then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static void unauthorized(Response r) {
        r.then().statusCode(401).contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", containsString("Bearer"));
    }
}
