package cn.hkmo.fee.payment;

import cn.hkmo.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/** The one place a refund becomes {@code REFUNDED}: by the platform's confirmation, or a counter refund's approval. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RefundSettlement {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;

    public RefundSettlement(EntityManager entityManager, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * REFUNDED once, however many requests and reconciliation passes confirm it; the order is locked by the caller.
     *
     * @param approvedBy the second person of a counter refund, null for a platform refund
     */
    RefundView settle(PaymentOrder order, String refundNo, String settledBy, String approvedBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // From REJECTED too: a refusal seen by one request cannot undo a refund the platform confirmed to another.
        int updated = entityManager.createQuery("""
                        update Refund set status = :refunded, refundedAt = :now, settledBy = :by, approvedBy = :approver,
                                          rejectedCode = null, rejectedMsg = null
                        where refundNo = :no and status <> :refunded""")
                .setParameter("refunded", RefundStatus.REFUNDED)
                .setParameter("now", now)
                .setParameter("by", settledBy)
                .setParameter("approver", approvedBy)
                .setParameter("no", refundNo)
                .executeUpdate();
        Refund refund = entityManager.find(Refund.class, refundNo);
        entityManager.refresh(refund);
        if (updated == 1) {
            outbox.publish(order.applicationNo, order.refunded(refund, now));
        }
        return RefundView.of(refund, order);
    }
}
