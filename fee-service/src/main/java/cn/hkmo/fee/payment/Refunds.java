package cn.hkmo.fee.payment;

import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.alipay.AlipayAmount;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Refunds by the requester's number. The order stays locked from the check to the commit, so the
 * sum of refunds never exceeds what was paid; a retried number returns the first result. Alipay
 * refunds each {@code out_request_no} once too, so a retry after a lost commit cannot pay out twice.
 */
@ApplicationScoped
@Transactional
public class Refunds {

    private final Orders orders;
    private final AlipayGateway gateway;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;

    public Refunds(Orders orders, AlipayGateway gateway, EntityManager entityManager, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record RefundView(String refundNo, String orderNo, long amountFen, String reason, OffsetDateTime refundedAt,
                             long orderRefundedFen) {
    }

    public RefundView refund(String orderNo, String refundNo, long amountFen, String reason, Caller caller) {
        PaymentOrder order = orders.lock(orderNo);
        OrderAccess.requireStaff(order, caller);
        Refund done = entityManager.find(Refund.class, refundNo);
        if (done != null) {
            if (!done.orderNo.equals(orderNo) || done.amountFen != amountFen) {
                throw new ProblemException(FeeError.REFUND_NO_REUSED, refundNo);
            }
            return view(done, order);
        }
        if (order.status != OrderStatus.PAID) {
            throw new ProblemException(FeeError.ORDER_NOT_PAID, orderNo, order.status);
        }
        if (amountFen > order.refundableFen()) {
            throw new ProblemException(FeeError.REFUND_EXCEEDS_PAID, AlipayAmount.toYuan(amountFen),
                    AlipayAmount.toYuan(order.refundableFen()));
        }
        Payment payment = orders.payment(orderNo).orElseThrow();
        // Counter payments are refunded in cash at the hall; only Alipay money goes back through the platform.
        if (payment.channel == Channel.ALIPAY) {
            gateway.refund(orderNo, refundNo, amountFen, reason);
        }
        Refund refund = new Refund();
        refund.refundNo = refundNo;
        refund.orderNo = orderNo;
        refund.amountFen = amountFen;
        refund.reason = reason;
        refund.requestedBy = caller.subject();
        refund.refundedAt = OffsetDateTime.now(clock);
        entityManager.persist(refund);
        order.refundedFen += amountFen;
        outbox.publish(Topics.PAYMENTS, order.applicationNo, PaymentRefunded.TYPE, new PaymentRefunded(
                order.applicationNo, orderNo, refundNo, amountFen, reason, refund.refundedAt));
        return view(refund, order);
    }

    private static RefundView view(Refund refund, PaymentOrder order) {
        return new RefundView(refund.refundNo, refund.orderNo, refund.amountFen, refund.reason, refund.refundedAt,
                order.refundedFen);
    }
}
