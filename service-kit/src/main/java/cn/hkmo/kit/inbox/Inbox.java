package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The idempotent-consumer half of the event contract: an event's effect is applied at most once per
 * consumer, because its id is recorded in the same transaction as the effect.
 *
 * <pre>{@code
 * @Incoming("applications")
 * @Blocking
 * @Retry(maxRetries = 2, delay = 200, abortOn = EventEnvelope.MalformedEventException.class)
 * void onApplication(String record) {
 *     apply(EventEnvelope.parse(record));          // malformed: straight to applications.dlq
 * }
 *
 * @Transactional                                   // a fresh transaction per attempt
 * void apply(EventEnvelope event) {
 *     if (!inbox.firstDelivery(event, "issuance-case-opener")) return;
 *     ...the effect...
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration retention;

    public Inbox(EntityManager entityManager, Clock clock,
                 @ConfigProperty(name = "hkmo.inbox.retention") Duration retention) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.retention = retention;
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

    /**
     * Forgets event ids after the retention period; Kafka redelivers only what it has not seen committed,
     * so the window needs to exceed the longest consumer outage plus the topic's retention of replays.
     */
    @Scheduled(every = "${hkmo.inbox.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldDeliveries() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from inbox_event where processed_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
