package cn.hkmo.systemtests;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Events;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.Steps.Window;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The other ways a booking or a case ends: correction notice (its items by region), refusal, cancellation, reschedule,
 * no-show, hall closure, proxy collection, EMS mailing with its tracking steps; a repeated intake decision.
 */
@SystemTest
@Tag("deadlines") // also run with the clock moved into years without a holiday notice (POM)
class CaseOutcomesIT {

    @Test
    @DisplayName("a correction notice (一次性告知) lists what is missing; the corrected materials are then accepted")
    void correctionNoticeThenAcceptance() {
        String citizen = "zhangwei";
        String officer = "officer.bj";
        Booking booking = Steps.book(Tokens.of(citizen),
                Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 1), "110105", Steps.atHall()));
        Steps.checkIn(officer, booking);
        Steps.awaitAtCounter(officer, booking.bookingNo());

        // the photo is missing: one notice lists it
        assertThat(Steps.recordMaterials(officer, booking.bookingNo(), List.of("APPLICATION_FORM", "IDENTITY_DOCUMENT")))
                .isEqualTo("INCOMPLETE");
        String noticeNo = Api.as(officer).body(Map.of("decision", "INCOMPLETE"))
                .post("/api/v1/intake/bookings/{no}/decision", booking.bookingNo())
                .then().statusCode(200).body("items.code", hasItem("MISSING:PHOTO"))
                .extract().path("noticeNo");
        Api.as(citizen).get("/api/v1/intake/my/notices/{no}", noticeNo).then().statusCode(200)
                .body("bookingNo", equalTo(booking.bookingNo()));
        Steps.awaitTimelineStep(Tokens.of(citizen), booking.bookingNo(), "CORRECTION_REQUESTED");

        // the citizen comes back with the photo: the same booking stays open at the counter and is accepted
        Steps.awaitAtCounter(officer, booking.bookingNo());
        assertThat(Steps.recordMaterials(officer, booking.bookingNo(), Steps.ALL_MATERIALS)).isEqualTo("ACCEPTED");
        String applicationNo = Steps.accept(officer, booking.bookingNo());
        Steps.awaitCase(citizen, applicationNo);

        Steps.assertTimeline(Tokens.of(citizen), applicationNo, "BOOKED", "CHECKED_IN", "CORRECTION_REQUESTED", "ACCEPTED");
    }

    @Test
    @DisplayName("a refusal: the reviewer refuses with reasons; the fee paid goes back in full, once, and the decision "
            + "document (不予批准决定书) says so")
    void refusal() {
        String citizen = "liuyang";              // Chengdu hukou 510107
        String officer = "officer.cd";
        String reviewer = "supervisor";          // no reviewer for Sichuan among the demo users; supervisors review all
        Booking booking = Steps.book(Tokens.of(citizen),
                Steps.firstApplication(Steps.nextWindow("CD-JINJIANG", 0), "510107", Steps.ems("刘洋", "成都市武侯区人民南路4段1号")));
        String applicationNo = Steps.checkInAndAccept(officer, booking);
        String orderNo = Steps.pay(Tokens.of(citizen), applicationNo);
        int paidFen = Api.as(citizen).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200)
                .extract().path("totalFen");
        Steps.awaitCase(reviewer, applicationNo);

        String decisionNo = Api.as(reviewer)
                .body(Map.of("reasons", List.of("申请人提交的申请材料存在虚假内容"),
                        "legalBasis", "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第十三条"))
                .post("/api/v1/cases/{no}/refusal", applicationNo)
                .then().statusCode(201).extract().path("decisionNo");
        Steps.awaitCaseStatus(citizen, applicationNo, "REFUSED");
        // nothing is issued for a refused case
        Api.as(citizen).get("/api/v1/cases/{no}", applicationNo).then().statusCode(200)
                .body("permit", equalTo(null));

        // the refund follows the refusal (docs/domain.md#r-refusal-refund): back to the Alipay account, in full
        Steps.eventually("order " + orderNo + " REFUNDED after the refusal", () -> "REFUNDED".equals(
                Api.as(citizen).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200).extract().path("status")));
        Api.as(citizen).get("/api/v1/fees/orders/mine?size=100").then().statusCode(200)
                .body("items.find { it.orderNo == '" + orderNo + "' }.status", equalTo("REFUNDED"))
                .body("items.find { it.orderNo == '" + orderNo + "' }.refundedFen", equalTo(paidFen));
        Steps.eventually("the decision document states the refund made", () -> "REFUNDED".equals(
                Api.as(citizen).get("/api/v1/cases/{no}/refusal", applicationNo).then().statusCode(200)
                        .extract().path("refund.status")));
        Api.as(citizen).get("/api/v1/cases/{no}/refusal", applicationNo).then().statusCode(200)
                .body("decisionNo", equalTo(decisionNo))
                .body("refund.paidFen", equalTo(paidFen))
                .body("refund.refundedFen", equalTo(paidFen))
                .body("refund.dueFen", equalTo(0));

        // the refusal delivered again under a new event id, twice (as a republication and its redelivery): no more money
        EventEnvelope again = EventEnvelope.of(DecisionRefused.TYPE, "/issuance-service", applicationNo, OffsetDateTime.now(),
                new DecisionRefused(applicationNo, (String) Tokens.claims(Tokens.of(citizen)).get("sub"), decisionNo,
                        List.of("申请人提交的申请材料存在虚假内容"), reviewer, OffsetDateTime.now()));
        Events.publish(Topics.ISSUANCE, again);
        Events.publish(Topics.ISSUANCE, again);
        Steps.eventually("fee-service consumed the refusal again", () -> Db.count("fee",
                "select count(*) from inbox_event where consumer = 'fee-refusal-refunds' and event_id = ?", again.id()) == 1);
        assertThat(Db.count("fee", "select count(*) from refund where order_no = ?", orderNo)).as("one refund").isEqualTo(1);
        assertThat(Db.count("fee", "select count(*) from outbox_event where message_key = ? and type = 'payment.refunded.v1'",
                applicationNo)).as("one payment.refunded").isEqualTo(1);

        assertThat(Steps.assertTimeline(Tokens.of(citizen), applicationNo, "BOOKED", "CHECKED_IN", "ACCEPTED", "PAID",
                "REFUSED", "REFUNDED")).doesNotContain("ISSUED");
        Steps.eventually("the citizen is told of the refund", () -> Api.as(citizen).get("/api/v1/messages?size=100").then()
                .statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.kind == 'fee-refunded' && it.link == '/api/v1/fees/orders/" + orderNo + "' }")
                .size() == 1);
    }

    @Test
    @DisplayName("a cancellation: the booking is cancelled, its place is free again and its code no longer checks in")
    void cancellation() {
        String citizen = "lina";                 // Shanghai hukou 310104
        Window window = Steps.nextWindow("SH-PUDONG", 2);
        int before = Steps.remaining(window);
        Booking booking = Steps.book(Tokens.of(citizen), Steps.firstApplication(window, "310104", Steps.atHall()));
        assertThat(Steps.remaining(window)).isEqualTo(before - 1);

        Api.as(citizen).post("/api/v1/bookings/{no}/cancel", booking.bookingNo()).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(Steps.remaining(window)).isEqualTo(before);
        Api.as("officer.sh").body(Map.of("code", booking.checkInCode())).post("/api/v1/officer/check-ins")
                .then().statusCode(409).body("code", equalTo("BOOKING_NOT_ACTIVE"));

        Steps.assertTimeline(Tokens.of(citizen), booking.bookingNo(), "BOOKED", "BOOKING_CANCELLED");
    }

    @Test
    @DisplayName("a reschedule moves the booking in one step: the old QR code is void, the new one checks in")
    void reschedule() {
        String citizen = "lina";
        Window first = Steps.nextWindow("SH-PUDONG", 3);
        Booking booking = Steps.book(Tokens.of(citizen), Steps.firstApplication(first, "310104", Steps.atHall()));
        Window other = Steps.nextWindow("SH-PUDONG", first.date(), 1);      // another day: the QR code names the day

        String newCode = Api.as(citizen).body(Map.of("date", other.date().toString(), "windowStart", other.start()))
                .post("/api/v1/bookings/{no}/reschedule", booking.bookingNo())
                .then().statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("date", equalTo(other.date().toString()))
                .body("checkInCode", not(equalTo(booking.checkInCode())))
                .extract().path("checkInCode");

        Api.as("officer.sh").body(Map.of("code", booking.checkInCode())).post("/api/v1/officer/check-ins")
                .then().statusCode(422).body("code", equalTo("INVALID_CHECK_IN_CODE"));
        Api.as("officer.sh").body(Map.of("code", newCode)).post("/api/v1/officer/check-ins")
                .then().statusCode(200).body("bookingNo", equalTo(booking.bookingNo()));

        Steps.assertTimeline(Tokens.of(citizen), booking.bookingNo(), "BOOKED", "RESCHEDULED", "CHECKED_IN");
    }

    @Test
    @DisplayName("collection at the hall by a proxy: the permit waits at the hall and a proxy with a valid ID collects it")
    void collectionByProxy() {
        String citizen = "zhangwei";
        String officer = "officer.bj";
        Booking booking = Steps.book(Tokens.of(citizen),
                Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 2), "110105", Steps.atHall()));
        String applicationNo = Steps.checkInAndAccept(officer, booking);
        Steps.pay(Tokens.of(citizen), applicationNo);
        Steps.approve("reviewer.bj", applicationNo);
        Steps.awaitCaseStatus(citizen, applicationNo, "READY_FOR_COLLECTION");
        Api.as(officer).get("/api/v1/cases/ready-for-collection?size=200").then().statusCode(200)
                .body("items.applicationNo", hasItem(applicationNo));

        // a proxy whose ID number is not a valid resident ID is turned away, then the real proxy collects
        Api.as(officer).body(Map.of("collector", "PROXY", "idNumber", "310104195806120026", "proxyName", "李娜"))
                .post("/api/v1/cases/{no}/collection", applicationNo).then().statusCode(400);
        Api.as(officer).body(Map.of("collector", "PROXY", "idNumber", "310104195806120025", "proxyName", "李娜"))
                .post("/api/v1/cases/{no}/collection", applicationNo).then().statusCode(200)
                .body("status", equalTo("COLLECTED"))
                .body("delivery.collectedByProxy", equalTo(true))
                .body("delivery.proxyName", equalTo("李娜"))
                .body("delivery.collectedAt", notNullValue());

        Steps.assertTimeline(Tokens.of(citizen), applicationNo, "BOOKED", "CHECKED_IN", "ACCEPTED", "PAID", "APPROVED",
                "ISSUED", "READY_FOR_COLLECTION", "COLLECTED");
    }

    @Test
    @DisplayName("a missed window is a no-show: a step of the citizen's timeline, counted in the citizen's booking standing")
    void noShowOnTheTimelineAndInTheStanding() {
        String citizen = "lina";
        Booking booking = Steps.book(Tokens.of(citizen),
                Steps.firstApplication(Steps.nextWindow("SH-PUDONG", 4), "310104", Steps.atHall()));
        Db.moveBookingToYesterday(booking.bookingNo());

        List<String> steps = Steps.assertTimeline(Tokens.of(citizen), booking.bookingNo(), "BOOKED", "NO_SHOW");
        assertThat(steps).doesNotContain("CHECKED_IN");
        Api.as(citizen).get("/api/v1/bookings/{no}", booking.bookingNo()).then().statusCode(200)
                .body("status", equalTo("NO_SHOW"));
        // one no-show does not restrict (docs/domain.md#r-no-show): the standing shows it, and that booking is open
        Api.as(citizen).get("/api/v1/bookings/standing").then().statusCode(200)
                .body("noShowDates", hasItem(Suite.today().minusDays(1).toString()))
                .body("restricted", equalTo(false))
                .body("bookableFrom", nullValue());
    }

    @Test
    @DisplayName("a notice names the region of each item: the relative's home-return permit for Hong Kong and for Macao")
    void noticeItemsNameTheirRegion() {
        String citizen = "liuyang";
        String officer = "officer.cd";
        Map<String, Object> spouseSettled = Map.of("relationship", "SPOUSE", "relativeStatus", "SETTLED");
        List<Map<String, Object>> visits = List.of(
                Map.of("destination", "HK", "type", "T", "familyVisit", spouseSettled),
                Map.of("destination", "MO", "type", "T", "familyVisit", spouseSettled));
        Map<String, Object> form = Steps.form(Steps.nextWindow("CD-JINJIANG", 1), "510107", Steps.atHall(),
                "FIRST_APPLICATION", List.of());
        form.put("endorsements", visits);
        Booking booking = Steps.book(Tokens.of(citizen), form);
        Steps.checkIn(officer, booking);
        Steps.awaitAtCounter(officer, booking.bookingNo());
        List<Map<String, String>> presented = Steps.ALL_MATERIALS.stream().map(key -> Map.of("key", key)).toList();
        Api.as(officer).body(Map.of("application", Map.of("endorsements", visits), "presented", presented))
                .put("/api/v1/intake/bookings/{no}/materials", booking.bookingNo())
                .then().statusCode(200).body("suggestedDecision", equalTo("INCOMPLETE"))
                .body("deficiencies.find { it.key == 'RELATIVE_HOME_RETURN_PERMIT:MO' }.region", equalTo("MO"));

        String noticeNo = Api.as(officer).body(Map.of("decision", "INCOMPLETE"))
                .post("/api/v1/intake/bookings/{no}/decision", booking.bookingNo())
                .then().statusCode(200).extract().path("noticeNo");
        String hk = "items.find { it.code == 'MISSING:RELATIVE_HOME_RETURN_PERMIT:HK' }";
        String mo = "items.find { it.code == 'MISSING:RELATIVE_HOME_RETURN_PERMIT:MO' }";
        Api.as(citizen).get("/api/v1/intake/my/notices/{no}", noticeNo).then().statusCode(200)
                .body(hk + ".region", equalTo("HK"))
                .body(hk + ".description", equalTo("缺少: 港澳居民来往内地通行证（香港）"))
                .body(hk + ".descriptionEn", equalTo("Missing: Home-return permit (Hong Kong)"))
                .body(mo + ".region", equalTo("MO"))
                .body(mo + ".description", equalTo("缺少: 港澳居民来往内地通行证（澳门）"))
                .body(mo + ".descriptionEn", equalTo("Missing: Home-return permit (Macao)"));
        // the timeline's step lists the lines as the notice does, each with its region
        Steps.awaitTimelineStep(Tokens.of(citizen), booking.bookingNo(), "CORRECTION_REQUESTED");
        Api.as(citizen).get("/api/v1/timeline/{no}", booking.bookingNo()).then().statusCode(200)
                .body("steps.find { it.step == 'CORRECTION_REQUESTED' }.details.items",
                        allOf(containsString("港澳居民来往内地通行证（香港）"), containsString("港澳居民来往内地通行证（澳门）")));
    }

    @Test
    @DisplayName("mailing tracking has its steps: posted, in transit, out for delivery, delivered, each with time and place")
    void mailingTrackingSteps() {
        String citizen = "zhangwei";
        String officer = "officer.bj";
        Booking booking = Steps.book(Tokens.of(citizen), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 3), "110105",
                Steps.ems("张伟", "北京市朝阳区建国路1号")));
        String applicationNo = Steps.checkInAndAccept(officer, booking);
        Steps.pay(Tokens.of(citizen), applicationNo);
        Steps.approve("reviewer.bj", applicationNo);
        Steps.awaitCaseStatus(citizen, applicationNo, "ISSUED");

        String courier = Tokens.courier();
        String waybill = "1180" + (System.nanoTime() % 1_000_000_000L + 1_000_000_000L);
        Api.withToken(courier).body(Map.of("waybillNo", waybill, "place", "北京朝阳邮政营业部"))
                .post("/api/v1/courier/mailings/{no}/dispatch", applicationNo).then().statusCode(204);
        Map<String, Object> inTransit = Map.of("waybillNo", waybill, "status", "IN_TRANSIT", "place", "北京邮区中心局");
        Api.withToken(courier).body(inTransit).post("/api/v1/courier/mailings/{no}/tracking", applicationNo)
                .then().statusCode(204);
        Api.withToken(courier).body(inTransit).post("/api/v1/courier/mailings/{no}/tracking", applicationNo)
                .then().statusCode(204);                                  // the courier's retry changes nothing
        Api.withToken(courier).body(Map.of("waybillNo", waybill, "status", "OUT_FOR_DELIVERY", "place", "北京朝阳投递部"))
                .post("/api/v1/courier/mailings/{no}/tracking", applicationNo).then().statusCode(204);
        Api.withToken(courier).body(Map.of("waybillNo", waybill, "place", "北京市朝阳区"))
                .post("/api/v1/courier/mailings/{no}/delivery", applicationNo).then().statusCode(204);

        Api.as(citizen).get("/api/v1/cases/{no}", applicationNo).then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("delivery.waybillNo", equalTo(waybill))
                .body("delivery.tracking.status", equalTo(List.of("POSTED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED")))
                .body("delivery.tracking.place", equalTo(List.of("北京朝阳邮政营业部", "北京邮区中心局", "北京朝阳投递部", "北京市朝阳区")))
                .body("delivery.tracking.at", everyItem(endsWith("+08:00")));
        List<String> steps = Steps.assertTimeline(Tokens.of(citizen), applicationNo, "ISSUED", "DISPATCHED", "IN_TRANSIT",
                "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(steps).containsOnlyOnce("IN_TRANSIT");
        Api.as(citizen).get("/api/v1/timeline/{no}", applicationNo).then().statusCode(200)
                .body("steps.find { it.step == 'IN_TRANSIT' }.details.place", equalTo("北京邮区中心局"))
                .body("steps.find { it.step == 'DELIVERED' }.details.place", equalTo("北京市朝阳区"));
    }

    @Test
    @DisplayName("a repeated intake decision replays with its key, and without it says the booking was decided already")
    void repeatedIntakeDecision() {
        String officer = "officer.bj";
        Booking booking = Steps.book(Tokens.of("zhangwei"),
                Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 4), "110105", Steps.atHall()));
        Steps.checkIn(officer, booking);
        Steps.awaitAtCounter(officer, booking.bookingNo());
        assertThat(Steps.recordMaterials(officer, booking.bookingNo(), Steps.ALL_MATERIALS)).isEqualTo("ACCEPTED");
        Map<String, Object> accept = Map.of("decision", "ACCEPTED", "options", Map.of("HK-L", "P1Y/DOUBLE"));
        String key = Api.newKey();

        String applicationNo = Api.as(officer).header("Idempotency-Key", key).body(accept)
                .post("/api/v1/intake/bookings/{no}/decision", booking.bookingNo())
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().path("applicationNo");
        Api.as(officer).header("Idempotency-Key", key).body(accept)
                .post("/api/v1/intake/bookings/{no}/decision", booking.bookingNo())
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("applicationNo", equalTo(applicationNo));
        Api.as(officer).header("Accept-Language", "en").body(accept)
                .post("/api/v1/intake/bookings/{no}/decision", booking.bookingNo())
                .then().statusCode(409).body("code", equalTo("INTAKE_ALREADY_DECIDED"))
                .body("detail", containsString("ACCEPTED"))
                .body("detail", not(containsString("check-in")));
    }

    @Test
    @DisplayName("a hall closure cancels the day's bookings, and the hall's list of closures still names them")
    void hallClosureListsItsCancelledBookings() {
        String hall = "BJ-CHAOYANG";
        // a day no other scenario books (they take the first days with room), reopened at the end
        Window window = Steps.nextWindow(hall, Suite.today().plusDays(20), 0);
        Booking booking = Steps.book(Tokens.of("zhangwei"), Steps.firstApplication(window, "110105", Steps.atHall()));
        String date = window.date().toString();
        Api.as("admin").body(Map.of("date", date, "reason", "设备检修"))
                .post("/api/v1/admin/halls/{id}/closures", hall).then().statusCode(201)
                .body("cancelledBookings", hasItem(booking.bookingNo()));
        try {
            Api.as("admin").get("/api/v1/admin/halls/{id}/closures?size=200", hall).then().statusCode(200)
                    .body("items.find { it.date == '" + date + "' }.cancelledBookings", hasItem(booking.bookingNo()));
            Api.as("zhangwei").get("/api/v1/bookings/{no}", booking.bookingNo()).then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("HALL_CLOSED"));
            Steps.assertTimeline(Tokens.of("zhangwei"), booking.bookingNo(), "BOOKED", "BOOKING_CANCELLED");
        } finally {
            Api.as("admin").delete("/api/v1/admin/halls/{id}/closures/{date}", hall, date).then().statusCode(204);
        }
    }
}
