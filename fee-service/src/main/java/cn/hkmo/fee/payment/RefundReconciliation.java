package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeConfig;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Finishes refunds left {@code REQUESTED}: the platform was unreachable, its answer was lost, or our settlement
 * did not commit. Each is sent again with the same {@code out_request_no} (the platform refunds a number once) and
 * settled, or rejected on a refusal. Safe with several replicas: an intent is claimed under
 * {@code FOR UPDATE SKIP LOCKED} by moving its {@code attempted_at}, so no other replica picks it up within
 * {@code min-age}; and settling is a conditional update, so even two confirmations record it once.
 */
@ApplicationScoped
public class RefundReconciliation {

    private static final Logger LOG = Logger.getLogger(RefundReconciliation.class);

    private final EntityManager entityManager;
    private final Refunds refunds;
    private final FeeConfig config;
    private final Clock clock;

    public RefundReconciliation(EntityManager entityManager, Refunds refunds, FeeConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.refunds = refunds;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "fee-refund-reconciliation", every = "${hkmo.fee.refund-reconciliation.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass; the number of refunds that ended (refunded or rejected). */
    public int run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime quietSince = now.minus(config.refundReconciliation().minAge());
        List<String> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select refund_no from refund
                        where status = 'REQUESTED' and attempted_at <= :quietSince
                        order by attempted_at
                        limit :batch""", String.class)
                .setParameter("quietSince", quietSince)
                .setParameter("batch", config.refundReconciliation().batchSize())
                .getResultList());
        int ended = 0;
        for (String refundNo : due) {
            Refund claimed = QuarkusTransaction.requiringNew().call(() -> claim(refundNo, quietSince, now));
            if (claimed == null) {
                continue; // another replica has it, a request is asking right now, or it ended meanwhile
            }
            try {
                refunds.complete(claimed.orderNo, claimed.refundNo, claimed.amountFen, claimed.reason,
                        Reconciliation.RECONCILIATION);
                LOG.infof("refund %s of order %s completed by reconciliation", refundNo, claimed.orderNo);
                ended++;
            } catch (AlipayGateway.Refused e) {
                LOG.warnf("refund %s of order %s refused by the platform: %s", refundNo, claimed.orderNo, e.subCode());
                ended++;
            } catch (ProblemException e) {
                LOG.warnf("refund %s still pending: %s", refundNo, e.errorCode().code()); // the next pass asks again
            } catch (RuntimeException e) {
                LOG.errorf(e, "refund %s could not be reconciled", refundNo); // one bad row must not stop the others
            }
        }
        return ended;
    }

    /** Takes the intent for this pass, or null if it is not (or no longer) ours to ask about. */
    private Refund claim(String refundNo, OffsetDateTime quietSince, OffsetDateTime now) {
        List<?> locked = entityManager.createNativeQuery("""
                        select refund_no from refund
                        where refund_no = :no and status = 'REQUESTED' and attempted_at <= :quietSince
                        for update skip locked""")
                .setParameter("no", refundNo)
                .setParameter("quietSince", quietSince)
                .getResultList();
        if (locked.isEmpty()) {
            return null;
        }
        Refund refund = entityManager.find(Refund.class, refundNo);
        refund.attemptedAt = now;
        return refund;
    }
}
