package cn.hkmo.issuance.flow;

import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.issuance.support.Events;
import cn.hkmo.issuance.support.Users;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The security cases of the issue, with real Keycloak tokens: ownership, review scope, the courier client. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "issuance"))
class CaseSecurityTest {

    private static String zhangwei;
    private static String beijingCase;
    private static String booking;

    /** Once per class, but in @BeforeEach: RestAssured knows the test port only from then on. */
    @BeforeEach
    void aBeijingCaseOfZhangwei() {
        if (beijingCase != null) {
            return;
        }
        zhangwei = Users.token("zhangwei");
        String no = Events.unique("S");
        booking = Events.unique("B");
        ApplicationAccepted accepted = Events.accepted(no, booking, Users.zhangwei(zhangwei), "BJ-CHAOYANG", "110105",
                LocalDate.of(2026, 10, 8), true, null, Events.ems());
        Events.send(Topics.APPLICATIONS, Events.envelope(ApplicationAccepted.TYPE, "/eligibility-service", no, accepted));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(zhangwei).get("/api/v1/cases/{no}", no)
                .then().statusCode(200));
        beijingCase = no;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void a_citizen_cannot_read_or_change_another_citizens_case_or_timeline() {
        String lina = Users.token("lina");
        as(lina).get("/api/v1/cases/{no}", beijingCase).then().statusCode(404).body("code", equalTo("CASE_NOT_FOUND"))
                .header("Content-Type", equalTo("application/problem+json"));
        as(lina).get("/api/v1/timeline/{no}", beijingCase).then().statusCode(404);
        as(lina).get("/api/v1/timeline/{no}", booking).then().statusCode(404);
        as(lina).get("/api/v1/cases/{no}/refusal", beijingCase).then().statusCode(404);
        as(lina).body(Map.of("method", "HALL")).put("/api/v1/cases/{no}/delivery-method", beijingCase).then().statusCode(404);
        as(lina).get("/api/v1/cases/mine").then().statusCode(200).body("applicationNo", not(hasItem(beijingCase)));
        as(zhangwei).get("/api/v1/cases/mine?size=100").then().statusCode(200).body("applicationNo", hasItem(beijingCase));
        as(zhangwei).get("/api/v1/timeline/{no}", beijingCase).then().statusCode(200);
    }

    @Test
    void a_reviewer_cannot_decide_outside_their_province() {
        String guangdong = Users.token("reviewer.gd");
        as(guangdong).post("/api/v1/cases/{no}/approval", beijingCase).then().statusCode(403)
                .body("code", equalTo("OUT_OF_REVIEW_SCOPE"));
        as(guangdong).body(Map.of("reasons", java.util.List.of("x"))).post("/api/v1/cases/{no}/refusal", beijingCase)
                .then().statusCode(403).body("code", equalTo("OUT_OF_REVIEW_SCOPE"));
        as(guangdong).get("/api/v1/cases/review-queue?size=100").then().statusCode(200)
                .body("applicationNo", not(hasItem(beijingCase)));
        as(guangdong).get("/api/v1/cases/{no}", beijingCase).then().statusCode(404);
        as(Users.token("reviewer.bj")).get("/api/v1/cases/review-queue?size=100").then().statusCode(200)
                .body("applicationNo", hasItem(beijingCase));
    }

    @Test
    void the_courier_client_cannot_decide_or_read_cases_and_citizens_cannot_dispatch() {
        String courier = Users.courier();
        as(courier).post("/api/v1/cases/{no}/approval", beijingCase).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(courier).body(Map.of("reasons", java.util.List.of("x"))).post("/api/v1/cases/{no}/refusal", beijingCase)
                .then().statusCode(403);
        as(courier).get("/api/v1/cases/{no}", beijingCase).then().statusCode(403);
        as(zhangwei).post("/api/v1/cases/{no}/approval", beijingCase).then().statusCode(403);
        as(zhangwei).body(Map.of("waybillNo", "1180123456789")).post("/api/v1/courier/mailings/{no}/dispatch", beijingCase)
                .then().statusCode(403);
        as(Users.token("officer.bj")).post("/api/v1/cases/{no}/approval", beijingCase).then().statusCode(403);
    }

    @Test
    void no_token_no_access() {
        given().get("/api/v1/cases/{no}", beijingCase).then().statusCode(401);
        given().get("/api/v1/timeline/{no}", beijingCase).then().statusCode(401);
    }
}
