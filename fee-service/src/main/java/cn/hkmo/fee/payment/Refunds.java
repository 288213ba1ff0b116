package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.alipay.AlipayAmount;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.DatabaseUnavailable;
import cn.hkmo.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Refunds by the requester's number, never half-written. Three steps, each on its own:
 * <ol>
 *   <li>the refund is recorded as {@code REQUESTED} (checked and committed under the order lock; it counts against
 *       what is refundable from then on);</li>
 *   <li>Alipay is asked with no transaction open, so no lock is held across the network;</li>
 *   <li>its answer is recorded in a new transaction: {@code REFUNDED} (a conditional update, so duplicates add the
 *       amount once) with {@code payment.refunded}, or {@code REJECTED}.</li>
 * </ol>
 * When the answer or the last commit is lost the refund stays {@code REQUESTED}: a retry with the same number, or
 * {@link RefundReconciliation}, asks again. Alipay refunds each {@code out_request_no} once, so asking again moves no
 * money twice. Counter payments are refunded in cash at the hall: recorded {@code AWAITING_APPROVAL}, they settle
 * when a second person approves them ({@link RefundApprovals}, {@link FourEyes}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER) // the platform is called from here: nothing may be held open around it
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    private final OrderService orders;
    private final AlipayGateway gateway;
    private final EntityManager entityManager;
    private final RefundSettlement settlement;
    private final RefundIntents intents;
    private final Clock clock;

    public Refunds(OrderService orders, AlipayGateway gateway, EntityManager entityManager, RefundSettlement settlement,
                   RefundIntents intents, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.entityManager = entityManager;
        this.settlement = settlement;
        this.intents = intents;
        this.clock = clock;
    }

    /**
     * Refunds once per number: a settled number answers its refund again, a pending one is resumed, a rejected one
     * answers its rejection. A counter refund is answered {@code AWAITING_APPROVAL}: its cash waits for a second person.
     *
     * @throws ProblemException {@code REFUND_PENDING} when recorded but the platform's answer is missing
     */
    public RefundView refund(String orderNo, String refundNo, long amountFen, String reason, Caller caller) {
        RefundView recorded = QuarkusTransaction.requiringNew()
                .call(() -> record(orderNo, refundNo, amountFen, reason, caller));
        if (recorded.status() == RefundStatus.REFUNDED || recorded.status() == RefundStatus.AWAITING_APPROVAL) {
            return recorded;
        }
        // As recorded: a retry's reason may differ, and the platform must see the same request again.
        return complete(recorded.orderNo(), recorded.refundNo(), recorded.amountFen(), recorded.reason(), caller.subject());
    }

    /**
     * Asks the platform for a {@code REQUESTED} refund and records its answer.
     *
     * @param settledBy who settles: the staff member's subject, or {@code reconciliation}
     * @throws AlipayGateway.Refused when the platform refused (the refund is now {@code REJECTED})
     * @throws ProblemException      {@code REFUND_PENDING} when the outcome is unknown (it stays {@code REQUESTED})
     */
    public RefundView complete(String orderNo, String refundNo, long amountFen, String reason, String settledBy) {
        try {
            gateway.refund(orderNo, refundNo, amountFen, reason);
        } catch (AlipayGateway.Refused refused) {
            RefundView current = QuarkusTransaction.requiringNew().call(() -> reject(orderNo, refundNo, refused));
            if (current.status() == RefundStatus.REFUNDED) {
                return current; // a concurrent request got the platform's confirmation: that is the truth
            }
            throw refused;
        } catch (ProblemException e) {
            if (e.errorCode() != FeeError.PAYMENT_PLATFORM_UNAVAILABLE) {
                throw e;
            }
            throw pending(refundNo, amountFen); // maybe refunded, maybe not: asking again settles it
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> settle(orderNo, refundNo, settledBy));
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            // The platform refunded but we could not write it down: the intent is still REQUESTED, and found again.
            LOG.warnf("refund %s refunded by the platform, not yet settled: %s", refundNo, e.toString());
            throw pending(refundNo, amountFen);
        }
    }

    private RefundView record(String orderNo, String refundNo, long amountFen, String reason, Caller caller) {
        PaymentOrder order = orders.lock(orderNo);
        OrderAccess.requireStaff(order, caller);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Refund existing = entityManager.find(Refund.class, refundNo);
        if (existing != null) {
            if (!existing.orderNo.equals(orderNo) || existing.amountFen != amountFen) {
                throw new ProblemException(FeeError.REFUND_NO_REUSED, refundNo);
            }
            if (existing.status == RefundStatus.REJECTED) {
                throw new ProblemException(FeeError.PAYMENT_PLATFORM_REJECTED, existing.rejectedCode, existing.rejectedMsg);
            }
            if (existing.status == RefundStatus.REQUESTED) {
                existing.attemptedAt = now; // being asked now: keeps the reconciliation off it for a while
            }
            return RefundView.of(existing, order);
        }
        if (!order.status.wasPaid()) {
            throw new ProblemException(FeeError.ORDER_NOT_PAID, orderNo, order.status);
        }
        long refundable = order.refundableFen(intents.pendingFen(orderNo));
        if (amountFen > refundable) {
            throw new ProblemException(FeeError.REFUND_EXCEEDS_PAID, AlipayAmount.toYuan(amountFen),
                    AlipayAmount.toYuan(refundable));
        }
        Payment payment = orders.payment(orderNo).orElseThrow();
        RefundStatus first = FourEyes.required(payment.channel) ? RefundStatus.AWAITING_APPROVAL : RefundStatus.REQUESTED;
        if (!intents.record(refundNo, orderNo, amountFen, reason, caller.subject(), first, now)) {
            throw new ProblemException(FeeError.REFUND_NO_REUSED, refundNo);
        }
        return RefundView.of(entityManager.find(Refund.class, refundNo), order);
    }

    private RefundView settle(String orderNo, String refundNo, String settledBy) {
        return settlement.settle(orders.lock(orderNo), refundNo, settledBy, null);
    }

    /** The platform refused: REJECTED, unless it was confirmed meanwhile. */
    private RefundView reject(String orderNo, String refundNo, AlipayGateway.Refused refused) {
        entityManager.createQuery("""
                        update Refund set status = :rejected, rejectedCode = :code, rejectedMsg = :msg
                        where refundNo = :no and status = :requested""")
                .setParameter("rejected", RefundStatus.REJECTED)
                .setParameter("code", truncate(refused.subCode() != null ? refused.subCode() : "UNKNOWN", 64))
                .setParameter("msg", truncate(refused.subMsg(), 256))
                .setParameter("no", refundNo)
                .setParameter("requested", RefundStatus.REQUESTED)
                .executeUpdate();
        return RefundView.of(entityManager.find(Refund.class, refundNo), orders.find(orderNo));
    }

    private static ProblemException pending(String refundNo, long amountFen) {
        return new ProblemException(FeeError.REFUND_PENDING, refundNo, AlipayAmount.toYuan(amountFen));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
