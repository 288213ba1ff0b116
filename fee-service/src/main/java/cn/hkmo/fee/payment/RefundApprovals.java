package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The second person of a counter refund (see {@link FourEyes}): their approval pays the cash out. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RefundApprovals {

    private final Orders orders;
    private final RefundSettlement settlement;
    private final EntityManager entityManager;

    public RefundApprovals(Orders orders, RefundSettlement settlement, EntityManager entityManager) {
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
        Refund refund = entityManager.find(Refund.class, refundNo);
        if (refund == null || !refund.orderNo.equals(orderNo)) {
            throw new ProblemException(FeeError.REFUND_NOT_FOUND, refundNo);
        }
        FourEyes.requireSecondPerson(refund, caller.subject());
        if (refund.status != RefundStatus.AWAITING_APPROVAL) {
            throw new ProblemException(FeeError.REFUND_NOT_AWAITING_APPROVAL, refundNo, refund.status);
        }
        return settlement.settle(order, refundNo, caller.subject(), caller.subject());
    }
}
