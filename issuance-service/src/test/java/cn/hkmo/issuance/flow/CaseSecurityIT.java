package cn.hkmo.issuance.flow;

import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.issuance.support.Events;
import cn.hkmo.issuance.support.Users;
import cn.hkmo.platform.test.PartnerAuthorization;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The security cases of the issue, with real Keycloak tokens: ownership (404), staff scope (403), partner consent,
 * review scope, the courier client.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "issuance"))
class CaseSecurityIT {

    private static String zhangwei;
    private static String beijingCase;
    private static String booking;

    private static final String PARTNER = "alipay-partner";
    private static final String PARTNER_SECRET = "alipay-partner-secret";
    private static final String PARTNER_CALLBACK = "http://localhost:8080/partner/callback";

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

    /** A refusal that names nothing of the case: not its application number, hall or region, nor its applicant. */
    private static ValidatableResponse refusedWithout(ValidatableResponse response, int status, String code, String... leaks) {
        response.statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
        for (String leak : leaks) {
            response.body(not(containsString(leak)));
        }
        return response;
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
        as(lina).get("/api/v1/cases/mine").then().statusCode(200).body("items.applicationNo", not(hasItem(beijingCase)));
        as(zhangwei).get("/api/v1/cases/mine?size=100").then().statusCode(200).body("items.applicationNo", hasItem(beijingCase));
        as(zhangwei).get("/api/v1/timeline/{no}", beijingCase).then().statusCode(200);
    }

    @Test
    void every_paged_list_answers_an_overflowing_page_with_a_400_naming_the_field() {
        // issue 15: page * size overflowed an int and gave 500 on each of these
        as(Users.token("zhangwei")).get("/api/v1/cases/mine?page=21474837&size=100").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("page"));
        as(Users.token("reviewer.bj")).header("Accept-Language", "en").get("/api/v1/cases/review-queue?page=21474837&size=100")
                .then().statusCode(400).body("violations[0].message", equalTo("The page must be between 0 and 10000."));
        as(Users.token("officer.bj")).get("/api/v1/cases/ready-for-collection?page=10738419&size=200").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
        as(Users.courier()).get("/api/v1/courier/mailings?page=0&size=201").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as(Users.courier()).get("/api/v1/courier/mailings?page=10000&size=200").then().statusCode(200);
    }

    @Test
    void a_reviewer_cannot_decide_outside_their_province() {
        String guangdong = Users.token("reviewer.gd");
        as(guangdong).post("/api/v1/cases/{no}/approval", beijingCase).then().statusCode(403)
                .body("code", equalTo("OUT_OF_REVIEW_SCOPE"));
        as(guangdong).body(Map.of("reasons", java.util.List.of("x"))).post("/api/v1/cases/{no}/refusal", beijingCase)
                .then().statusCode(403).body("code", equalTo("OUT_OF_REVIEW_SCOPE"));
        as(guangdong).get("/api/v1/cases/review-queue?size=100").then().statusCode(200)
                .body("items.applicationNo", not(hasItem(beijingCase)));
        as(Users.token("reviewer.bj")).get("/api/v1/cases/review-queue?size=100").then().statusCode(200)
                .body("items.applicationNo", hasItem(beijingCase))
                .body("page", equalTo(0)).body("size", equalTo(100)).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void an_officer_of_another_hall_is_told_403_naming_only_the_number_asked_and_their_own_hall() {
        String shanghai = Users.token("officer.sh");
        refusedWithout(as(shanghai).get("/api/v1/cases/{no}", beijingCase).then(), 403, "OTHER_HALL", "BJ-CHAOYANG", "张伟")
                .body("detail", containsString("SH-PUDONG"));
        refusedWithout(as(shanghai).get("/api/v1/timeline/{no}", beijingCase).then(), 403, "OTHER_HALL", "BJ-CHAOYANG");
        // asked by booking number: the application number stays unknown
        refusedWithout(as(shanghai).get("/api/v1/timeline/{no}", booking).then(), 403, "OTHER_HALL", beijingCase, "BJ-CHAOYANG");
        refusedWithout(as(shanghai).get("/api/v1/cases/{no}/refusal", beijingCase).then(), 403, "OTHER_HALL", "BJ-CHAOYANG");
        // hall work: the scope before the body (an invalid ID, a missing collector)
        refusedWithout(as(shanghai).body(Map.of("collector", "APPLICANT", "idNumber", "123"))
                .post("/api/v1/cases/{no}/collection", beijingCase).then(), 403, "OTHER_HALL", "BJ-CHAOYANG");
        refusedWithout(as(shanghai).body(Map.of()).post("/api/v1/cases/{no}/collection", beijingCase).then(), 403,
                "OTHER_HALL", "BJ-CHAOYANG");
        // a number that exists nowhere is still 404
        as(shanghai).get("/api/v1/cases/{no}", "A-NO-SUCH-CASE").then().statusCode(404).body("code", equalTo("CASE_NOT_FOUND"));
        // the hall's own officer reads it
        String beijing = Users.token("officer.bj");
        as(beijing).get("/api/v1/cases/{no}", beijingCase).then().statusCode(200);
        as(beijing).get("/api/v1/timeline/{no}", booking).then().statusCode(200);
        as(beijing).body(Map.of()).post("/api/v1/cases/{no}/collection", beijingCase).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void a_reviewer_of_another_region_is_told_403_even_with_an_invalid_refusal() {
        String guangdong = Users.token("reviewer.gd");
        refusedWithout(as(guangdong).get("/api/v1/cases/{no}", beijingCase).then(), 403, "OUT_OF_REVIEW_SCOPE", "110105",
                "BJ-CHAOYANG").body("detail", containsString("440000"));
        refusedWithout(as(guangdong).get("/api/v1/timeline/{no}", booking).then(), 403, "OUT_OF_REVIEW_SCOPE", beijingCase,
                "110105");
        refusedWithout(as(guangdong).get("/api/v1/cases/{no}/refusal", beijingCase).then(), 403, "OUT_OF_REVIEW_SCOPE", "110105");
        refusedWithout(as(guangdong).body(Map.of()).post("/api/v1/cases/{no}/refusal", beijingCase).then(), 403,
                "OUT_OF_REVIEW_SCOPE", "110105");
        refusedWithout(as(guangdong).body(Map.of("reasons", List.of(""))).post("/api/v1/cases/{no}/refusal", beijingCase).then(),
                403, "OUT_OF_REVIEW_SCOPE", "110105");
        // in region, the same body is the validation answer, field by field
        as(Users.token("reviewer.bj")).body(Map.of()).post("/api/v1/cases/{no}/refusal", beijingCase).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations.field", hasItem("reasons"));
        as(Users.token("reviewer.bj")).get("/api/v1/cases/{no}", beijingCase).then().statusCode(200);
    }

    @Test
    void a_bookings_steps_before_acceptance_are_its_citizens_only() {
        String pending = Events.unique("B");
        Events.send(Topics.APPOINTMENTS, Events.envelope(BookingBooked.TYPE, "/appointment-service", pending,
                new BookingBooked(pending, Users.zhangwei(zhangwei), "BJ-CHAOYANG", "110105", LocalDate.of(2026, 10, 9),
                        LocalTime.of(9, 0), LocalTime.of(9, 30), "110105", false, ApplicationCategory.FIRST_APPLICATION,
                        List.of(), Events.ems(), null, "hkmo-h5", OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(zhangwei).get("/api/v1/timeline/{no}", pending)
                .then().statusCode(200));
        as(Users.token("lina")).get("/api/v1/timeline/{no}", pending).then().statusCode(404)
                .body("code", equalTo("TIMELINE_NOT_FOUND"));
        refusedWithout(as(Users.token("officer.bj")).get("/api/v1/timeline/{no}", pending).then(), 403, "OUT_OF_SCOPE", "张伟");
        refusedWithout(as(Users.token("reviewer.gd")).get("/api/v1/timeline/{no}", pending).then(), 403, "OUT_OF_SCOPE", "张伟");
        as(Users.token("supervisor")).get("/api/v1/timeline/{no}", pending).then().statusCode(200);
    }

    @Test
    void a_partner_follows_the_citizens_case_only_with_the_booking_consent() {
        try {
            String loginOnly = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid", PARTNER_CALLBACK)
                    .accessToken();
            for (String path : List.of("/api/v1/cases/mine", "/api/v1/cases/" + beijingCase, "/api/v1/timeline/" + beijingCase,
                    "/api/v1/timeline/" + booking, "/api/v1/cases/" + beijingCase + "/refusal",
                    // the same answer for a number that does not exist: nothing to probe
                    "/api/v1/cases/A-NO-SUCH-CASE", "/api/v1/timeline/B-NO-SUCH-BOOKING")) {
                refusedWithout(as(loginOnly).get(path).then(), 403, "PARTNER_NOT_AUTHORISED", "张伟", "BJ-CHAOYANG");
            }
            refusedWithout(as(loginOnly).body(Map.of("method", "HALL")).put("/api/v1/cases/{no}/delivery-method", beijingCase)
                    .then(), 403, "PARTNER_NOT_AUTHORISED");

            String payingOnly = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid payment",
                    PARTNER_CALLBACK).accessToken();
            as(payingOnly).get("/api/v1/timeline/{no}", beijingCase).then().statusCode(403)
                    .body("code", equalTo("PARTNER_NOT_AUTHORISED"));

            String followsBookings = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid booking",
                    PARTNER_CALLBACK).accessToken();
            as(followsBookings).get("/api/v1/cases/mine?size=100").then().statusCode(200)
                    .body("items.applicationNo", hasItem(beijingCase));
            as(followsBookings).get("/api/v1/cases/{no}", beijingCase).then().statusCode(200);
            as(followsBookings).get("/api/v1/timeline/{no}", booking).then().statusCode(200);
        } finally {
            Users.withdrawPartnerConsent("zhangwei", PARTNER);
        }
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
    void the_api_documents_the_403_of_staff_outside_their_scope_and_of_partners_without_consent() {
        var api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/v1/cases/{applicationNo}", "/api/v1/timeline/{number}",
                "/api/v1/cases/{applicationNo}/refusal")) {
            String get = "paths.'" + path + "'.get.responses";
            assertThat(api.getMap(get)).as(path).containsKeys("200", "403", "404");
            assertThat(api.getString(get + ".'403'.description")).as(path)
                    .contains("OTHER_HALL", "OUT_OF_REVIEW_SCOPE", "FORBIDDEN");
        }
        assertThat(api.getString("paths.'/api/v1/cases/mine'.get.responses.'403'.description"))
                .contains("booking");
        assertThat(
                api.getString("paths.'/api/v1/cases/{applicationNo}/refusal'.post.responses.'403'.description"))
                .contains("OUT_OF_REVIEW_SCOPE");
    }

    @Test
    void no_token_no_access() {
        given().get("/api/v1/cases/{no}", beijingCase).then().statusCode(401);
        given().get("/api/v1/timeline/{no}", beijingCase).then().statusCode(401);
    }
}
