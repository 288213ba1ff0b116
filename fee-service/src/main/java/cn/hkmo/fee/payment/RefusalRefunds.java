package cn.hkmo.fee.payment;

import cn.hkmo.contracts.issuance.DecisionRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Starts the refund a refusal owes (docs/domain.md#r-refusal-refund) as an intent, in the consumer's transaction:
 * the platform is asked after it commits ({@code messaging.IssuanceEventsConsumer}), a counter refund waits for the officer who pays
 * the cash out ({@link RefundApprovals}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RefusalRefunds {

    private static final Logger LOG = Logger.getLogger(RefusalRefunds.class);

    private final OrderService orders;
    private final RefundIntents intents;
    private final EntityManager entityManager;
    private final Clock clock;

    public RefusalRefunds(OrderService orders, RefundIntents intents, EntityManager entityManager, Clock clock) {
        this.orders = orders;
        this.intents = intents;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * The refusal's refund, recorded once per application whatever the deliveries: the one recorded before if any,
     * else a new intent for what is still paid; nothing when nothing is.
     */
    public Optional<Refund> start(DecisionRefused refused) {
        Optional<PaymentOrder> found = orders.byApplication(refused.applicationNo());
        if (found.isEmpty()) {
            LOG.infof("application %s refused before its order was opened: nothing paid", refused.applicationNo());
            return Optional.empty();
        }
        PaymentOrder order = orders.lock(found.get().orderNo);
        String refundNo = RefusalRefund.numberFor(order.applicationNo);
        Refund earlier = entityManager.find(Refund.class, refundNo);
        if (earlier != null) {
            return Optional.of(earlier);
        }
        Channel channel = orders.payment(order.orderNo).map(p -> p.channel).orElse(null);
        Optional<RefusalRefund> due = RefusalRefund.due(order, intents.pendingFen(order.orderNo), channel,
                refused.decisionNo());
        due.ifPresent(r -> intents.record(r.refundNo(), order.orderNo, r.amountFen(), r.reason(), r.requestedBy(),
                r.first(), OffsetDateTime.now(clock)));
        return due.map(r -> entityManager.find(Refund.class, r.refundNo()));
    }
}
