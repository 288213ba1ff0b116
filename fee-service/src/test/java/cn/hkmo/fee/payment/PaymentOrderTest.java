package cn.hkmo.fee.payment;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentOrderTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");

    @Test
    void aRefundedOrderNoLongerReadsPaidAndWhatIsLeftStaysRefundable() {
        PaymentOrder order = new PaymentOrder();
        order.status = OrderStatus.PAID;
        order.totalFen = 9000;

        order.refunded(refund(8999), NOW);
        assertThat(order.status).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.refundableFen(0)).isEqualTo(1);

        order.refunded(refund(1), NOW);
        assertThat(order.status).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.refundedFen).isEqualTo(9000);
        assertThat(order.refundableFen(0)).isZero();
    }

    @Test
    void requestsNotYetSettledCountAgainstWhatIsRefundable() {
        PaymentOrder order = new PaymentOrder();
        order.status = OrderStatus.PAID;
        order.totalFen = 9000;
        assertThat(order.refundableFen(3000)).isEqualTo(6000);
        order.status = OrderStatus.UNPAID;
        assertThat(order.refundableFen(0)).isZero();
    }

    private static Refund refund(long amountFen) {
        Refund refund = new Refund();
        refund.amountFen = amountFen;
        return refund;
    }
}
