package cn.hkmo.fee.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentOrderTest {

    @Test
    void aRefundedOrderNoLongerReadsPaidAndWhatIsLeftStaysRefundable() {
        PaymentOrder order = new PaymentOrder();
        order.status = OrderStatus.PAID;
        order.totalFen = 9000;

        order.refunded(8999);
        assertThat(order.status).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.refundableFen(0)).isEqualTo(1);

        order.refunded(1);
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
}
