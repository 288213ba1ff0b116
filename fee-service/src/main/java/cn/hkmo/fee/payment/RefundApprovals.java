package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The second person of a counter refund (see {@link FourEyes}): their approval pays the cash out. Until then anyone of
 * the hall's staff, the requester included, may withdraw it: no cash moves, so it needs no second person.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RefundApprovals {

    private final OrderService orders;
    private final RefundSettlement settlement;
    private final EntityManager entityManager;

    public RefundApprovals(OrderService orders, RefundSettlement settlement, EntityManager entityManager) {
        this.orders = orders;
        this.settlement = settlement;
        this.entityManager = entityManager;
    }

    /**
     * @throws ProblemException {@code REFUND_NOT_FOUND}, {@code REFUND_SELF_APPROVAL},
     *                          {@code REFUND_NOT_AWAITING_APPROVAL} (already approved, or not a counter refund)
     */
    public RefundView approve(String orderNo, String refundNo, Caller caller) {
        PaymentOrder order = orders.lock(orderNo);
        OrderAccess.requireStaff(order, caller);
        Refund refund = refundOf(orderNo, refundNo);
        FourEyes.requireSecondPerson(refund, caller.subject());
        requireAwaitingApproval(refund);
        return settlement.settle(order, refundNo, caller.subject(), caller.subject());
    }

    /**
     * @throws ProblemException {@code REFUND_NOT_FOUND}, {@code REFUND_NOT_AWAITING_APPROVAL} (approved, withdrawn, or
     *                          not a counter refund)
     */
    public RefundView withdraw(String orderNo, String refundNo, String reason, Caller caller) {
        PaymentOrder order = orders.lock(orderNo);
        OrderAccess.requireStaff(order, caller);
        Refund refund = refundOf(orderNo, refundNo);
        requireAwaitingApproval(refund);
        refund.status = RefundStatus.WITHDRAWN;
        refund.withdrawnBy = caller.subject();
        refund.withdrawalReason = reason;
        return RefundView.of(refund, order);
    }

    private static void requireAwaitingApproval(Refund refund) {
        if (refund.status != RefundStatus.AWAITING_APPROVAL) {
            throw new ProblemException(FeeError.REFUND_NOT_AWAITING_APPROVAL, refund.refundNo, refund.status);
        }
    }

    private Refund refundOf(String orderNo, String refundNo) {
        Refund refund = entityManager.find(Refund.class, refundNo);
        if (refund == null || !refund.orderNo.equals(orderNo)) {
            throw new ProblemException(FeeError.REFUND_NOT_FOUND, refundNo);
        }
        return refund;
    }
}
