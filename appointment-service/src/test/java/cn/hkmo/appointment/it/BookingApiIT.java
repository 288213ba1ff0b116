package cn.hkmo.appointment.it;

import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The booking API over HTTP with real tokens: idempotency, ownership, roles, partners, and one test per validation code. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class BookingApiIT {

    private static final String BJ = "BJ-CHAOYANG";

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void theSameIdempotencyKeyGivesOneBookingAndTheSameResponse() {
        String key = UUID.randomUUID().toString();
        String first = book("zhangwei", key, Fixtures.form(BJ, Fixtures.TUESDAY, "09:00")).statusCode(201)
                .extract().path("bookingNo");
        book("zhangwei", key, Fixtures.form(BJ, Fixtures.TUESDAY, "09:00")).statusCode(201)
                .header("Idempotent-Replayed", "true").body("bookingNo", equalTo(first));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings").then().statusCode(200).body("total", equalTo(1));

        book("zhangwei", key, Fixtures.form(BJ, Fixtures.TUESDAY, "09:30")).statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aRetriedCancelOrRescheduleWithItsKeyReplaysTheFirstAnswer() {
        String token = Fixtures.token("zhangwei");
        String no = bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        String move = UUID.randomUUID().toString();
        Map<String, String> to = Map.of("date", "2026-09-16", "windowStart", "10:00");
        given().auth().oauth2(token).header("Idempotency-Key", move).contentType(ContentType.JSON).body(to)
                .post("/api/v1/bookings/" + no + "/reschedule").then().statusCode(200).body("windowStart", equalTo("10:00:00"));
        // the answer was lost on the way: the retry gets it again, and the booking moved once
        given().auth().oauth2(token).header("Idempotency-Key", move).contentType(ContentType.JSON).body(to)
                .post("/api/v1/bookings/" + no + "/reschedule").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("windowStart", equalTo("10:00:00"));

        String cancel = UUID.randomUUID().toString();
        given().auth().oauth2(token).header("Idempotency-Key", cancel).post("/api/v1/bookings/" + no + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(token).header("Idempotency-Key", cancel).post("/api/v1/bookings/" + no + "/cancel")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("CANCELLED"));
        // without a key a repeated cancel is a new request, and the booking is no longer active
        given().auth().oauth2(token).post("/api/v1/bookings/" + no + "/cancel").then().statusCode(409)
                .body("code", equalTo("BOOKING_NOT_ACTIVE"));
    }

    // ------------------------------------------------------------------ security

    @Test
    void aCitizenCannotSeeCancelOrRescheduleAnotherCitizensBooking() {
        String no = bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        String lina = Fixtures.token("lina");

        given().auth().oauth2(lina).get("/api/v1/bookings/" + no).then().statusCode(404).body("code", equalTo("BOOKING_NOT_FOUND"));
        given().auth().oauth2(lina).get("/api/v1/bookings/" + no + ".ics").then().statusCode(404);
        given().auth().oauth2(lina).post("/api/v1/bookings/" + no + "/cancel").then().statusCode(404)
                .body("code", equalTo("BOOKING_NOT_FOUND"));
        given().auth().oauth2(lina).contentType(ContentType.JSON)
                .body(Map.of("date", Fixtures.TUESDAY.toString(), "windowStart", "10:00"))
                .post("/api/v1/bookings/" + no + "/reschedule").then().statusCode(404).body("code", equalTo("BOOKING_NOT_FOUND"));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings/" + no).then().statusCode(200)
                .body("applicant.residentId", equalTo("110105********1239"));
    }

    @Test
    void anOfficerChecksInOnlyAtTheirOwnHall() {
        String no = bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        String code = given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings/" + no).then().extract().path("checkInCode");
        clock.set(ZonedDateTime.of(2026, 9, 15, 8, 45, 0, 0, TestClock.ZONE));

        given().auth().oauth2(Fixtures.token("officer.sh")).contentType(ContentType.JSON).body(Map.of("bookingNo", no))
                .post("/api/v1/officer/check-ins").then().statusCode(403).body("code", equalTo("WRONG_HALL"));
        given().auth().oauth2(Fixtures.token("zhangwei")).contentType(ContentType.JSON).body(Map.of("bookingNo", no))
                .post("/api/v1/officer/check-ins").then().statusCode(403);
        given().auth().oauth2(Fixtures.token("officer.bj")).get("/api/v1/officer/bookings?date=2026-09-15").then().statusCode(200)
                .body("items.bookingNo", hasItem(no));
        given().auth().oauth2(Fixtures.token("officer.bj")).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/v1/officer/check-ins").then().statusCode(200).body("bookingNo", equalTo(no));
    }

    @Test
    void aPartnerReadsPublicDataButCannotBookWithoutTheCitizensGrant() {
        String partner = Fixtures.partnerToken();
        given().auth().oauth2(partner).get("/api/v1/halls?lat=39.9&lon=116.4").then().statusCode(200)
                .body("items[0].id", equalTo(BJ));
        given().auth().oauth2(partner).get("/api/v1/availability?hallId=" + BJ).then().statusCode(200);
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"))
                .post("/api/v1/bookings").then().statusCode(403).body("code", equalTo("PARTNER_NOT_AUTHORISED"));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("hallId", BJ, "date", Fixtures.TUESDAY.toString(), "windowStart", "09:00"))
                .post("/api/v1/holds").then().statusCode(403).body("code", equalTo("PARTNER_NOT_AUTHORISED"));
    }

    @Test
    void aPageNumberThatWouldOverflowIsA400NamingTheFieldNotA500() {
        // issue 15: 21474837 * 100 overflowed the row offset
        given().get("/api/v1/halls?page=21474837&size=100").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("page")).body("violations[0].code", equalTo("PAGE_OUT_OF_RANGE"))
                .body("violations[0].message", equalTo("页码须在 0 到 10000 之间。"));
        given().header("Accept-Language", "en").get("/api/v1/halls?page=0&size=101").then().statusCode(400)
                .body("violations[0].field", equalTo("size"))
                .body("violations[0].message", equalTo("The page size must be between 1 and 100."));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings?page=2147483647&size=100").then()
                .statusCode(400).body("violations.field", contains("page"));
        given().auth().oauth2(Fixtures.token("officer.bj")).get("/api/v1/officer/bookings?page=-1&size=201").then()
                .statusCode(400).body("violations.field", contains("page", "size"));
        given().auth().oauth2(Fixtures.token("officer.bj")).get("/api/v1/officer/bookings?page=10000&size=200").then()
                .statusCode(200).body("items", hasSize(0));
        given().get("/api/v1/halls?page=10000&size=100").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anonymousCallersSearchHallsButCannotBook() {
        given().get("/api/v1/halls?city=440300").then().statusCode(200).body("items[0].id", equalTo("SZ-FUTIAN"));
        given().get("/api/v1/availability?hallId=" + BJ + "&from=2026-09-30&to=2026-10-02").then().statusCode(200)
                .body("days.find { it.date == '2026-10-01' }.open", equalTo(false))
                .body("days.find { it.date == '2026-10-01' }.closureKind", equalTo("PUBLIC_HOLIDAY"))
                .body("days.find { it.date == '2026-09-30' }.windows[0].remaining", equalTo(10));
        given().contentType(ContentType.JSON).body(Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"))
                .post("/api/v1/bookings").then().statusCode(401);
    }

    @Test
    void aCitizenWithoutTheFaceCheckCannotBook() {
        book("chenjing", UUID.randomUUID().toString(), Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"))
                .statusCode(403).body("code", equalTo("IDENTITY_NOT_VERIFIED"));
    }

    // ------------------------------------------------------------------ validation: one bad input per code

    @Test
    void invalidMobile() {
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("emergencyContact", Map.of("name", "张丽", "mobile", "1391234567"));
        rejected(form, 422, "INVALID_MOBILE").body("violations[0].field", equalTo("emergencyContact.mobile"))
                .body("violations[0].message", equalTo("手机号码 139***4567 不是有效的大陆手机号码（11 位，以 1 开头）。"));
    }

    @Test
    void aFamilyVisitIsBookedWithTheRelativeTheAssessmentAsksFor() {
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("endorsements", List.of(Map.of("destination", "HK", "type", "T")));
        rejected(form, 422, "FIELD_REQUIRED").body("violations.field",
                contains("endorsements[0].familyVisit.relationship", "endorsements[0].familyVisit.relativeStatus"));

        form.put("endorsements", List.of(Map.of("destination", "HK", "type", "T",
                "familyVisit", Map.of("relationship", "AUNT", "relativeStatus", "SETTLED"))));
        book("zhangwei", UUID.randomUUID().toString(), form).statusCode(400)
                .body("violations[0].field", equalTo("endorsements[0].familyVisit.relationship"))
                .body("violations[0].code", equalTo("NOT_ONE_OF"));

        form.put("endorsements", List.of(Map.of("destination", "HK", "type", "T",
                "familyVisit", Map.of("relationship", "PARENT", "relativeStatus", "SETTLED"))));
        book("zhangwei", UUID.randomUUID().toString(), form).statusCode(201)
                .body("endorsements[0].familyVisit.relationship", equalTo("PARENT"))
                .body("endorsements[0].familyVisit.relativeStatus", equalTo("SETTLED"));
    }

    @Test
    void anUnknownCollectionMethodNamesItsField() {
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("delivery", Map.of("method", "DRONE"));
        book("zhangwei", UUID.randomUUID().toString(), form).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("delivery.method"))
                .body("violations[0].code", equalTo("NOT_ONE_OF"))
                .body("violations[0].message", equalTo("不是可选的值，可选：HALL, EMS。"));
    }

    @Test
    void windowOutsideHorizon() {
        rejected(Fixtures.form(BJ, LocalDate.of(2026, 10, 16), "09:00"), 422, "WINDOW_OUTSIDE_HORIZON");
    }

    @Test
    void windowInPast() {
        rejected(Fixtures.form(BJ, LocalDate.of(2026, 9, 14), "09:00"), 422, "WINDOW_IN_PAST");
    }

    @Test
    void windowTooSoon() {
        rejected(Fixtures.form(BJ, LocalDate.of(2026, 9, 14), "11:00"), 422, "WINDOW_TOO_SOON");
    }

    @Test
    void windowNotOffered() {
        rejected(Fixtures.form(BJ, Fixtures.TUESDAY, "12:30"), 422, "WINDOW_NOT_OFFERED");
    }

    @Test
    void hallClosedOnAPublicHoliday() {
        rejected(Fixtures.form(BJ, LocalDate.of(2026, 10, 2), "09:00"), 422, "HALL_CLOSED");
    }

    @Test
    void categoryNotHandled() {
        var form = Fixtures.form("SH-XUHUI", Fixtures.TUESDAY, "09:00");
        form.put("hukouRegion", "310104");
        rejected(form, 422, "CATEGORY_NOT_HANDLED").body("violations[0].field", equalTo("category"));
    }

    @Test
    void endorsementNotHandled() {
        var form = Fixtures.form("SH-XUHUI", Fixtures.TUESDAY, "09:00");
        form.put("hukouRegion", "310104");
        form.put("category", "RENEWAL");
        form.put("endorsements", List.of(Map.of("destination", "HK", "type", "D")));
        rejected(form, 422, "ENDORSEMENT_NOT_HANDLED").body("violations[0].field", equalTo("endorsements[0].type"));
    }

    @Test
    void nonHukouNoticeRequired() {
        var form = Fixtures.form("SH-PUDONG", Fixtures.TUESDAY, "09:00");
        rejected(form, 422, "NON_HUKOU_NOTICE_REQUIRED").body("violations[0].field", equalTo("nonHukouNoticeAccepted"));
        form.put("nonHukouNoticeAccepted", true);
        book("zhangwei", UUID.randomUUID().toString(), form).statusCode(201).body("nonHukou", equalTo(true));
    }

    @Test
    void documentTypeNotHandled() {
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("documentType", "PASSPORT");
        rejected(form, 422, "DOCUMENT_TYPE_NOT_HANDLED");
    }

    @Test
    void invalidHukouRegion() {
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("hukouRegion", "810000");
        rejected(form, 422, "INVALID_REGION");
    }

    @Test
    void missingFieldsAreNamed() {
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("delivery", Map.of("method", "EMS", "recipient", "张伟", "mobile", "13800000001"));
        rejected(form, 422, "FIELD_REQUIRED").body("violations[0].field", equalTo("delivery.address"));
    }

    @Test
    void hallNotFound() {
        rejected(Fixtures.form("XX-NOWHERE", Fixtures.TUESDAY, "09:00"), 404, "HALL_NOT_FOUND");
    }

    @Test
    void activeBookingExists() {
        bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        rejected(Fixtures.form(BJ, Fixtures.TUESDAY, "10:00"), 409, "ACTIVE_BOOKING_EXISTS");
    }

    @Test
    void cutOffPassed() {
        String no = bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        clock.set(ZonedDateTime.of(2026, 9, 15, 7, 1, 0, 0, TestClock.ZONE));
        given().auth().oauth2(Fixtures.token("zhangwei")).post("/api/v1/bookings/" + no + "/cancel").then().statusCode(409)
                .body("code", equalTo("CUT_OFF_PASSED"));
        given().auth().oauth2(Fixtures.token("zhangwei")).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-09-16", "windowStart", "09:00"))
                .post("/api/v1/bookings/" + no + "/reschedule").then().statusCode(409).body("code", equalTo("CUT_OFF_PASSED"));
    }

    @Test
    void aBookingMadeAfterItsOwnChangeDeadlineIsTakenAndSaysItCanNoLongerBeChanged() {
        fixtures.hall("TS-LATE", 5, Duration.ofHours(24));
        var booked = book("zhangwei", UUID.randomUUID().toString(), Fixtures.form("TS-LATE", Fixtures.TUESDAY, "09:00"))
                .statusCode(201).body("changeDeadline", equalTo("2026-09-14T09:00:00+08:00")).body("changeable", equalTo(false));
        String no = booked.extract().path("bookingNo");
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings/" + no).then().body("changeable", equalTo(false));
        given().auth().oauth2(Fixtures.token("zhangwei")).header("Accept-Language", "en")
                .post("/api/v1/bookings/" + no + "/cancel").then().statusCode(409)
                .body("code", equalTo("CUT_OFF_PASSED")).body("detail", org.hamcrest.Matchers.containsString("2026-09-14T09:00:00+08:00"));

        book("lina", UUID.randomUUID().toString(), Fixtures.form(BJ, Fixtures.TUESDAY, "09:00")).statusCode(201)
                .body("changeDeadline", equalTo("2026-09-15T07:00:00+08:00")).body("changeable", equalTo(true));
    }

    @Test
    void checkInTooEarlySaysWhenItOpensInBusinessTime() {
        String no = bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        String officer = Fixtures.token("officer.bj");
        clock.set(ZonedDateTime.of(2026, 9, 15, 8, 0, 0, 0, TestClock.ZONE));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("bookingNo", no))
                .post("/api/v1/officer/check-ins").then().statusCode(409).body("code", equalTo("CHECK_IN_NOT_OPEN"))
                .body("detail", equalTo("预约 " + no + " 的签到从 2026-09-15T08:30:00+08:00（北京时间）开始，即时段开始前 30 分钟。"));
        given().auth().oauth2(officer).header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("bookingNo", no))
                .post("/api/v1/officer/check-ins").then().statusCode(409)
                .body("detail", equalTo("Check-in for booking " + no + " opens at 2026-09-15T08:30:00+08:00 (Beijing time), "
                        + "30 minutes before its window."));
    }

    @Test
    void checkInWindowClosedAndForgedCodes() {
        String no = bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        String officer = Fixtures.token("officer.bj");
        clock.set(ZonedDateTime.of(2026, 9, 15, 9, 46, 0, 0, TestClock.ZONE));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("bookingNo", no))
                .post("/api/v1/officer/check-ins").then().statusCode(409).body("code", equalTo("CHECK_IN_WINDOW_CLOSED"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("code", "HKMO1:" + no + ":BJ-CHAOYANG:2026-09-15:AAAAAAAAAAAAAAAAAAAAAA"))
                .post("/api/v1/officer/check-ins").then().statusCode(422).body("code", equalTo("INVALID_CHECK_IN_CODE"));
    }

    @Test
    void holdExpired() {
        String hold = given().auth().oauth2(Fixtures.token("zhangwei")).contentType(ContentType.JSON)
                .body(Map.of("hallId", BJ, "date", "2026-09-15", "windowStart", "09:00"))
                .post("/api/v1/holds").then().statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(6));
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("holdId", hold);
        rejected(form, 409, "HOLD_EXPIRED");
    }

    @Test
    void anInconsistentOpeningPlanIsRefusedBesideTheFieldAtFaultInTheCallersLanguage() {
        Map<String, Object> hall = given().get("/api/v1/halls/" + BJ).then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = new HashMap<>((Map<String, Object>) hall.get("plan"));
        Object closes = plan.get("closes");
        plan.put("closes", "08:00");
        Map<String, Object> body = new HashMap<>(hall);
        body.put("plan", plan);
        given().auth().oauth2(Fixtures.token("admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/halls/" + BJ).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("INVALID_OPENING_PLAN"))
                .body("violations[0].field", equalTo("plan.closes"))
                .body("violations[0].code", equalTo("OPENING_PLAN_CLOSES_BEFORE_OPENS"))
                .body("violations[0].message", equalTo("闭厅时间须晚于开厅时间。"));
        plan.put("closes", closes);
        plan.put("lunchStart", "08:00");
        given().auth().oauth2(Fixtures.token("admin")).header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/halls/" + BJ).then().statusCode(422)
                .body("violations[0].field", equalTo("plan.lunchStart"))
                .body("violations[0].message", startsWith("The lunch break must lie within the opening hours"));
        given().get("/api/v1/halls/" + BJ).then().body("plan.closes", equalTo(closes)); // nothing half-written
    }

    @Test
    void slotFull() {
        fixtures.hall("TS-ONE", 1);
        bookOk("lina", Fixtures.form("TS-ONE", Fixtures.TUESDAY, "09:00"));
        rejected(Fixtures.form("TS-ONE", Fixtures.TUESDAY, "09:00"), 409, "SLOT_FULL");
    }

    @Test
    void reviewShowsTheBookingWithoutBookingIt() {
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("delivery", Map.of("method", "EMS", "recipient", "张伟", "mobile", "+86 138-0013-8000", "address", "北京市朝阳区测试路2号"));
        given().auth().oauth2(Fixtures.token("zhangwei")).contentType(ContentType.JSON).body(form)
                .post("/api/v1/bookings/review").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("checkInCode", equalTo(null))
                .body("hall.id", equalTo(BJ)).body("applicant.name", equalTo("张伟")).body("bookingNo", equalTo(null))
                .body("emergencyContact.name", equalTo("张丽")).body("emergencyContact.mobile", equalTo("139****5678"))
                .body("delivery.method", equalTo("EMS")).body("delivery.recipient", equalTo("张伟"))
                .body("delivery.mobile", equalTo("138****8000")).body("delivery.address", equalTo("北京市朝阳区测试路2号"));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings").then().body("total", equalTo(0));
    }

    @Test
    void problemsSpeakEnglishOnRequest() {
        given().auth().oauth2(Fixtures.token("zhangwei")).header("Accept-Language", "en").contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.form(BJ, LocalDate.of(2026, 10, 2), "09:00"))
                .post("/api/v1/bookings").then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Hall closed that day"))
                .body("type", equalTo("https://hkmo.cn/problems/hall-closed"));
    }

    @Test
    void theCalendarFileDescribesTheBooking() {
        String no = bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings/" + no + ".ics").then().statusCode(200)
                .contentType(startsWith("text/calendar"))
                .body(org.hamcrest.Matchers.containsString("DTSTART:20260915T010000Z"));
    }

    private ValidatableResponse rejected(Map<String, Object> form, int status, String code) {
        return book("zhangwei", UUID.randomUUID().toString(), form).statusCode(status).contentType("application/problem+json")
                .body("code", equalTo(code)).body("requestId", notNullValue());
    }

    static ValidatableResponse book(String user, String key, Map<String, Object> form) {
        return given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(new HashMap<>(form)).post("/api/v1/bookings").then();
    }

    static String bookOk(String user, Map<String, Object> form) {
        return book(user, UUID.randomUUID().toString(), form).statusCode(201).extract().path("bookingNo");
    }
}
