package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.problem.DatabaseUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * The idempotent-consumer half of the event contract: an event's effect is applied at most once per
 * consumer, because its id is recorded in the same transaction as the effect.
 *
 * <pre>{@code
 * @Incoming("applications")
 * @Blocking
 * void onApplication(String record) {
 *     inbox.deliver(record, "issuance-applications", this::apply);
 * }
 *
 * void apply(EventEnvelope event) {     // runs in the delivery's transaction
 *     ...the effect...
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final InboxConfig config;
    private final MeterRegistry meters;

    public Inbox(EntityManager entityManager, Clock clock, InboxConfig config, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Applies the effect of one consumed record, once: each attempt runs in a new transaction that records the
     * event id and applies {@code effect}, or skips it for a redelivery. A record that is not an event fails at
     * once (for the dead-letter topic); a database outage is waited out; other failures are retried a few times,
     * then fail (see {@link DeliveryRetry}).
     *
     * @param consumer the name under which the effect is remembered; stable across releases
     */
    public void deliver(String record, String consumer, Consumer<EventEnvelope> effect) {
        EventEnvelope event = EventEnvelope.parse(record);
        new DeliveryRetry(config.retry(), DatabaseUnavailable::isCause, wait -> Thread.sleep(wait.toMillis()),
                (failure, outage, attempt, wait) -> retrying(consumer, event, failure, outage, attempt, wait))
                .run(() -> QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(event, consumer)) {
                        effect.accept(event);
                    }
                }));
    }

    private void retrying(String consumer, EventEnvelope event, RuntimeException failure, boolean outage, int attempt,
                          Duration wait) {
        meters.counter("hkmo.inbox.retries", "consumer", consumer, "cause", outage ? "outage" : "failure").increment();
        LOG.warnf("%s: attempt %d at %s %s failed (%s), retrying in %d ms: %s", consumer, attempt, event.type(),
                event.id(), outage ? "database unavailable" : "error", wait.toMillis(), failure.toString());
    }

    /**
     * Records that {@code consumer} handles {@code event} in the current transaction.
     *
     * @return true the first time; false for a redelivery, whose effect must be skipped. A concurrent
     * delivery of the same event waits on the primary key until the first transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope event, String consumer) {
        return entityManager.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, processed_at) values (:consumer, :eventId, :now)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }

    /** Forgets event ids after the retention period ({@link InboxConfig#retention()}). */
    @Scheduled(every = "${hkmo.inbox.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldDeliveries() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from inbox_event where processed_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
