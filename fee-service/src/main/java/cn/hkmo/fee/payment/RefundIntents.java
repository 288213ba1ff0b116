package cn.hkmo.fee.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/** Refund intents as rows: what staff ask for ({@link Refunds}) and what a refusal starts ({@link RefusalRefunds}). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RefundIntents {

    private final EntityManager entityManager;

    public RefundIntents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Refunds of the order asked for and not yet settled, refused or withdrawn: they may still go through. */
    long pendingFen(String orderNo) {
        return entityManager.createQuery("""
                        select coalesce(sum(amountFen), 0) from Refund
                        where orderNo = :no and status in (:requested, :awaiting)""", Long.class)
                .setParameter("no", orderNo)
                .setParameter("requested", RefundStatus.REQUESTED)
                .setParameter("awaiting", RefundStatus.AWAITING_APPROVAL)
                .getSingleResult();
    }

    /**
     * Records an intent under its number; the caller holds the order lock. The number is unique across orders, and a
     * concurrent request using it on another order must get an answer, not a constraint violation.
     *
     * @return false when the number was taken
     */
    boolean record(String refundNo, String orderNo, long amountFen, String reason, String requestedBy, RefundStatus first,
                   OffsetDateTime now) {
        return entityManager.createNativeQuery("""
                        insert into refund (refund_no, order_no, amount_fen, reason, requested_by, status, requested_at,
                                            attempted_at)
                        values (:refundNo, :orderNo, :amount, :reason, :by, :status, :now, :now)
                        on conflict (refund_no) do nothing""")
                .setParameter("status", first.name())
                .setParameter("refundNo", refundNo)
                .setParameter("orderNo", orderNo)
                .setParameter("amount", amountFen)
                .setParameter("reason", reason)
                .setParameter("by", requestedBy)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
