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
 * Catches up with the platform for unpaid orders: a trade whose notify never came is queried and,
 * if paid, applied; an order past its time is closed (its trade first, so no payment can follow).
 * Safe with several replicas: each order is handled in its own transaction under
 * {@code FOR UPDATE SKIP LOCKED}, so two replicas never work on the same order.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    static final String RECONCILIATION = "reconciliation";

    private final EntityManager entityManager;
    private final OrderService orders;
    private final AlipayPayments alipay;
    private final AlipayGateway gateway;
    private final FeeConfig config;
    private final Clock clock;

    public Reconciliation(EntityManager entityManager, OrderService orders, AlipayPayments alipay, AlipayGateway gateway,
                          FeeConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.orders = orders;
        this.alipay = alipay;
        this.gateway = gateway;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "fee-reconciliation", every = "${hkmo.fee.reconciliation.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass; the number of orders that were paid or closed. */
    public int run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select order_no from payment_order
                        where status = 'UNPAID'
                          and (expires_at <= :now or ((alipay_trade_no is not null or alipay_cashier_at is not null) and created_at <= :quietSince))
                        order by expires_at
                        limit :batch""", String.class)
                .setParameter("now", now)
                .setParameter("quietSince", now.minus(config.reconciliation().notifyGrace()))
                .setParameter("batch", config.reconciliation().batchSize())
                .getResultList());
        int settled = 0;
        for (String orderNo : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> reconcile(orderNo, now))) {
                    settled++;
                }
            } catch (ProblemException e) {
                // The platform is unreachable or refused: the next pass tries again.
                LOG.warnf("reconciliation of %s postponed: %s", orderNo, e.errorCode().code());
            }
        }
        return settled;
    }

    private boolean reconcile(String orderNo, OffsetDateTime now) {
        List<?> locked = entityManager.createNativeQuery("""
                        select order_no from payment_order where order_no = :no and status = 'UNPAID'
                        for update skip locked""")
                .setParameter("no", orderNo).getResultList();
        if (locked.isEmpty()) {
            return false; // another replica has it, or it was settled meanwhile
        }
        PaymentOrder order = orders.find(orderNo);
        if (order.alipayTradeMayExist() && alipay.applyPlatformState(order, RECONCILIATION)) {
            LOG.infof("order %s: lost notify recovered by reconciliation", orderNo);
            return true;
        }
        if (now.isBefore(order.expiresAt)) {
            return false;
        }
        if (order.alipayTradeMayExist() && gateway.close(orderNo) == AlipayGateway.CloseOutcome.ALREADY_PAID) {
            // Paid between the query and the close: take the payment instead of closing.
            return alipay.applyPlatformState(order, RECONCILIATION);
        }
        orders.close(order, "EXPIRED");
        return true;
    }
}
