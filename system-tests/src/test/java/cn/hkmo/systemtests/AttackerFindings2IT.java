package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.SystemTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Three more findings of the attacker's probe (issue 15), replayed through the gateway: one officer refunding a
 * counter payment alone, a case still counting as paid after most of its fee was refunded, and public numbers that
 * counted up. Each test failed on the code before the fix.
 */
@SystemTest
class AttackerFindings2IT {

    private static final String HALL = "BJ-CHAOYANG";
    private static final String OFFICER = "officer.bj";
    /** The 31 characters of the random part of a public number (no I, L, O, U, Z). */
    private static final String RANDOM = "[0-9A-HJKMNP-TV-Y]";

    @Test
    @DisplayName("a counter refund is only a request until a second person approves it: the requester approving it "
            + "gets 403 REFUND_SELF_APPROVAL, and no cash leaves, no refund event goes out before the approval")
    void oneOfficerAloneCannotRefundACounterPayment() {
        Citizen citizen = Citizens.create("refund-four-eyes", 1).get(0);
        String applicationNo = acceptedApplication(citizen, 0);
        JsonPath order = Steps.awaitOrder(citizen.token(), applicationNo);
        String orderNo = order.getString("orderNo");
        long fee = order.getLong("totalFen");
        Api.as(OFFICER).body(Map.of("amountFen", fee, "receiptNo", "CNT-" + orderNo))
                .post("/api/v1/fees/orders/{no}/counter-payments", orderNo).then().statusCode(200);
        Steps.eventually("case " + applicationNo + " paid", () -> Boolean.TRUE.equals(caseOf(applicationNo).path("paid")));

        // the attacker's move: refund all but one fen, as the officer who took the cash
        String refundNo = "RF-" + orderNo;
        Response requested = refund(OFFICER, orderNo, refundNo, fee - 1);
        assertThat(requested.statusCode()).as(requested.asString()).isEqualTo(202);
        assertThat((String) requested.path("status")).isEqualTo("AWAITING_APPROVAL");

        Response self = Api.as(OFFICER).header("Accept-Language", "en")
                .post("/api/v1/fees/orders/{no}/refunds/{refund}/approval", orderNo, refundNo);
        assertThat(self.statusCode()).as(self.asString()).isEqualTo(403);
        assertThat(self.contentType()).startsWith("application/problem+json");
        assertThat((String) self.path("code")).isEqualTo("REFUND_SELF_APPROVAL");
        assertThat((String) self.path("title")).isEqualTo("You cannot approve your own refund");

        Map<String, Object> untouched = Api.as(OFFICER).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(untouched).containsEntry("status", "PAID").containsEntry("refundedFen", 0);
        assertThat(refundEvents(applicationNo)).as("payment.refunded before the approval").isZero();
        assertThat((Boolean) caseOf(applicationNo).path("paid")).as("the case, after the unapproved request").isTrue();

        // the second person pays it out; then the order says so and the case is no longer paid
        String key = Api.newKey();
        Response approved = Api.as("admin").header("Idempotency-Key", key)
                .post("/api/v1/fees/orders/{no}/refunds/{refund}/approval", orderNo, refundNo);
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
        assertThat((String) approved.path("status")).isEqualTo("REFUNDED");
        assertThat((String) approved.path("approvedBy")).isNotEqualTo(approved.path("requestedBy"));
        Response replayed = Api.as("admin").header("Idempotency-Key", key)
                .post("/api/v1/fees/orders/{no}/refunds/{refund}/approval", orderNo, refundNo);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        Api.as(OFFICER).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_REFUNDED")).body("refundedFen", equalTo((int) (fee - 1)));
        assertThat(refundEvents(applicationNo)).as("payment.refunded after the approval and its replay").isEqualTo(1);
        Steps.eventually("case " + applicationNo + " unpaid after the refund",
                () -> Boolean.FALSE.equals(caseOf(applicationNo).path("paid")));
    }

    @Test
    @DisplayName("a case is paid only while the payments less the refunds cover the fee: after a refund of all but one "
            + "fen it is unpaid, and the approval does not issue the permit")
    void aPartlyRefundedCaseIsNotPaidAndItsPermitIsNotIssued() {
        Citizen citizen = Citizens.create("refund-partial", 1).get(0);
        String applicationNo = acceptedApplication(citizen, 1);
        String orderNo = Steps.pay(citizen.token(), applicationNo);
        long fee = Steps.awaitOrder(citizen.token(), applicationNo).getLong("totalFen");
        Steps.eventually("case " + applicationNo + " paid", () -> Boolean.TRUE.equals(caseOf(applicationNo).path("paid")));

        Response refunded = refund(OFFICER, orderNo, "RF-" + orderNo, fee - 1); // through the platform: settles at once
        assertThat(refunded.statusCode()).as(refunded.asString()).isEqualTo(200);
        assertThat((String) refunded.path("status")).isEqualTo("REFUNDED");
        assertThat((String) Api.withToken(citizen.token()).get("/api/v1/fees/orders/{no}", orderNo).path("status"))
                .as("the citizen's order after the refund").isEqualTo("PARTIALLY_REFUNDED");

        Steps.eventually("case " + applicationNo + " unpaid after the refund",
                () -> Boolean.FALSE.equals(caseOf(applicationNo).path("paid")));
        JsonPath unpaid = caseOf(applicationNo).jsonPath();
        assertThat(unpaid.getLong("payment.feeFen")).isEqualTo(fee);
        assertThat(unpaid.getLong("payment.paidFen")).isEqualTo(fee);
        assertThat(unpaid.getLong("payment.refundedFen")).isEqualTo(fee - 1);
        Response timeline = Api.withToken(citizen.token()).get("/api/v1/timeline/{no}", applicationNo);
        assertThat((Boolean) timeline.path("paid")).as(timeline.asString()).isFalse();
        assertThat(timeline.jsonPath().getList("steps.step", String.class)).contains("PAID", "REFUNDED");

        Steps.approve("reviewer.bj", applicationNo);
        Response approved = caseOf(applicationNo);
        assertThat((String) approved.path("decision")).isEqualTo("APPROVED");
        assertThat((String) approved.path("status")).as("approved, not paid: no permit").isEqualTo("OPENED");
        assertThat((Object) approved.path("permit")).isNull();
    }

    @Test
    @DisplayName("application, receipt, notice and order numbers keep their readable head but are random after it: "
            + "two numbers issued together share no counter")
    void publicNumbersCannotBeGuessed() {
        Citizen citizen = Citizens.create("numbers", 1).get(0);
        Booking booking = Steps.book(citizen.token(),
                Steps.firstApplication(Steps.nextWindow(HALL, 2), Citizens.REGION, Steps.atHall()));
        Steps.checkIn(OFFICER, booking);
        Steps.awaitAtCounter(OFFICER, booking.bookingNo());
        Steps.recordMaterials(OFFICER, booking.bookingNo(), List.of("APPLICATION_FORM", "IDENTITY_DOCUMENT"));
        String noticeNo = Api.as(OFFICER).body(Map.of("decision", "INCOMPLETE"))
                .post("/api/v1/intake/bookings/{no}/decision", booking.bookingNo())
                .then().statusCode(200).extract().path("noticeNo");
        Steps.awaitAtCounter(OFFICER, booking.bookingNo());
        Steps.recordMaterials(OFFICER, booking.bookingNo(), Steps.ALL_MATERIALS);
        JsonPath accepted = Api.as(OFFICER).body(Map.of("decision", "ACCEPTED", "options", Map.of("HK-L", "P1Y/DOUBLE")))
                .post("/api/v1/intake/bookings/{no}/decision", booking.bookingNo())
                .then().statusCode(200).extract().jsonPath();
        String applicationNo = accepted.getString("applicationNo");
        String receiptNo = accepted.getString("receiptNo");
        String orderNo = Steps.awaitOrder(citizen.token(), applicationNo).getString("orderNo");

        String intakeHead = "\\d{8}" + Citizens.REGION;
        assertThat(noticeNo).matches("N" + intakeHead + RANDOM + "{11}");
        assertThat(applicationNo).matches("A" + intakeHead + RANDOM + "{11}");
        assertThat(receiptNo).matches("R" + intakeHead + RANDOM + "{11}");
        assertThat(orderNo).matches("FO\\d{8}" + RANDOM + "{11}");
        // issued in one transaction, an application and its receipt shared their daily count before
        assertThat(applicationNo.substring(15)).isNotEqualTo(receiptNo.substring(15));
        // the numbers are names the API answers to
        Api.withToken(citizen.token()).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200);
        Api.withToken(citizen.token()).get("/api/v1/intake/my/notices/{no}", noticeNo).then().statusCode(200);
        Steps.eventuallyGet("case " + applicationNo, () -> Api.withToken(citizen.token())
                .get("/api/v1/cases/{no}", applicationNo));
    }

    /** A first application of {@code citizen} at the Beijing hall, accepted at the counter. */
    private static String acceptedApplication(Citizen citizen, int skipWindows) {
        Booking booking = Steps.book(citizen.token(),
                Steps.firstApplication(Steps.nextWindow(HALL, skipWindows), Citizens.REGION, Steps.atHall()));
        return Steps.checkInAndAccept(OFFICER, booking);
    }

    private static Response refund(String staff, String orderNo, String refundNo, long fen) {
        return Api.as(staff).body(Map.of("refundNo", refundNo, "amountFen", fen, "reason", "申请人撤回申请"))
                .post("/api/v1/fees/orders/{no}/refunds", orderNo);
    }

    /** The refund events fee-service's outbox holds for the application (published rows are kept for days). */
    private static long refundEvents(String applicationNo) {
        return Db.count("fee", "select count(*) from outbox_event where message_key = ? and type = 'payment.refunded.v1'",
                applicationNo);
    }

    /** The case as the hall's officer sees it (404 until the acceptance reaches issuance-service). */
    private static Response caseOf(String applicationNo) {
        return Api.as(OFFICER).get("/api/v1/cases/{no}", applicationNo);
    }
}
