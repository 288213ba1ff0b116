package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.alipay.AlipayAmount;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/** An officer records a payment taken at the hall's counter. */
@ApplicationScoped
@Transactional
public class CounterPayments {

    private final OrderService orders;
    private final AlipayGateway gateway;
    private final AlipayPayments alipay;
    private final Clock clock;

    public CounterPayments(OrderService orders, AlipayGateway gateway, AlipayPayments alipay, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.alipay = alipay;
        this.clock = clock;
    }

    /** @param receiptNo the counter's receipt number; recording the same receipt again changes nothing */
    public OrderView record(String orderNo, long amountFen, String receiptNo, Caller caller) {
        PaymentOrder order = orders.lock(orderNo);
        OrderAccess.requireHall(order, caller);
        boolean sameReceiptAgain = orders.payment(orderNo)
                .filter(p -> p.channel == Channel.COUNTER && p.channelTradeNo.equals(receiptNo)).isPresent();
        if (sameReceiptAgain) {
            return OrderView.of(order);
        }
        order.requirePayable(OffsetDateTime.now(clock));
        if (amountFen != order.totalFen) {
            throw new ProblemException(FeeError.COUNTER_AMOUNT_MISMATCH, AlipayAmount.toYuan(amountFen),
                    AlipayAmount.toYuan(order.totalFen));
        }
        // A trade opened in the mini-program or a cashier must be closed first, or the citizen could pay twice.
        if (order.alipayTradeMayExist() && gateway.close(orderNo) == AlipayGateway.CloseOutcome.ALREADY_PAID
                && alipay.applyPlatformState(order, caller.subject())) {
            throw new ProblemException(FeeError.ORDER_NOT_PAYABLE, orderNo, order.status);
        }
        orders.recordPayment(order, Channel.COUNTER, receiptNo, null, caller.subject());
        return OrderView.of(order);
    }
}
