package cn.hkmo.fee.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a refusal gives back (docs/domain.md#r-refusal-refund), without a container. */
class RefusalRefundTest {

    private static final String DECISION = "510000-2026-000042";

    @Test
    void aPaidOrderIsRefundedInFullUnderANumberOfItsApplication() {
        RefusalRefund refund = RefusalRefund.due(order(OrderStatus.PAID, 0), 0, Channel.ALIPAY, DECISION).orElseThrow();

        assertThat(refund.amountFen()).isEqualTo(9000);
        assertThat(refund.refundNo()).isEqualTo("REFUSAL_A20260302510107K7M2Q9TX4B8")
                .isEqualTo(RefusalRefund.numberFor("A20260302510107K7M2Q9TX4B8"))
                .as("Alipay's out_request_no: at most 64 letters, digits and _").matches("[A-Za-z0-9_]{1,64}");
        assertThat(refund.first()).as("an online payment goes back to the paying account at once").isEqualTo(RefundStatus.REQUESTED);
        assertThat(refund.reason()).contains(DECISION).hasSizeLessThanOrEqualTo(200);
        assertThat(refund.requestedBy()).isEqualTo("refusal:" + DECISION);
    }

    @Test
    void cashTakenAtTheCounterWaitsForTheOfficerWhoPaysItOut() {
        assertThat(RefusalRefund.due(order(OrderStatus.PAID, 0), 0, Channel.COUNTER, DECISION).orElseThrow().first())
                .isEqualTo(RefundStatus.AWAITING_APPROVAL);
    }

    @Test
    void onlyWhatIsStillPaidGoesBack() {
        assertThat(RefusalRefund.due(order(OrderStatus.PARTIALLY_REFUNDED, 3000), 1000, Channel.ALIPAY, DECISION)
                .orElseThrow().amountFen()).as("less what was refunded and what is being refunded").isEqualTo(5000);
        assertThat(RefusalRefund.due(order(OrderStatus.REFUNDED, 9000), 0, Channel.ALIPAY, DECISION)).isEmpty();
        assertThat(RefusalRefund.due(order(OrderStatus.PAID, 0), 9000, Channel.ALIPAY, DECISION))
                .as("all of it under way already").isEmpty();
    }

    @Test
    void nothingIsDueWhenNothingWasPaid() {
        assertThat(RefusalRefund.due(order(OrderStatus.UNPAID, 0), 0, null, DECISION)).isEmpty();
        assertThat(RefusalRefund.due(order(OrderStatus.CLOSED, 0), 0, null, DECISION)).isEmpty();
    }

    private static PaymentOrder order(OrderStatus status, long refundedFen) {
        PaymentOrder order = new PaymentOrder();
        order.orderNo = "FO20260302K7M2Q9TX4B8";
        order.applicationNo = "A20260302510107K7M2Q9TX4B8";
        order.status = status;
        order.totalFen = 9000;
        order.refundedFen = refundedFen;
        return order;
    }
}
