package cn.hkmo.kit.outbox;

import cn.hkmo.contracts.EventCatalog;
import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.identity.PersonalDataCipher;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes domain events the only safe way: as rows written in the caller's business transaction.
 * {@link OutboxRelay} sends them to Kafka once, and only if, that transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final Clock clock;
    private final OpenTelemetry openTelemetry;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final PersonalDataCipher cipher;
    private final String source;

    public Outbox(EntityManager entityManager, Clock clock, OpenTelemetry openTelemetry,
                  TransactionSynchronizationRegistry transactions, OutboxRelay relay, PersonalDataCipher cipher,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.openTelemetry = openTelemetry;
        this.transactions = transactions;
        this.relay = relay;
        this.cipher = cipher;
        this.source = "/" + applicationName;
    }

    /**
     * Records an event in the current transaction (there must be one). Its topic and type are the payload's entry in
     * {@link EventCatalog}, so a caller names neither.
     *
     * @param key     the record key and CloudEvents subject: booking or application number, hold id, hall id, year
     * @param payload the payload record, serialised to JSON
     * @return the envelope as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String key, Record payload) {
        EventCatalog.EventType entry = EventCatalog.of(payload.getClass());
        return append(entry.topic(), key, entry.type(), payload);
    }

    /** The row itself; package-private so the outbox's own tests can use topics of their own. */
    @Transactional(Transactional.TxType.MANDATORY)
    EventEnvelope append(String topic, String key, String type, Object data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        EventEnvelope envelope = EventEnvelope.of(type, source, key, now, data);

        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(envelope.id());
        row.topic = topic;
        row.messageKey = key;
        row.type = type;
        row.seal(envelope.toJson(), cipher);
        row.traceparent = currentTraceparent();
        row.createdAt = now;
        entityManager.persist(row);

        wakeRelayAfterCommit();
        return envelope;
    }

    private String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** One wake-up per transaction is enough: the relay takes the whole backlog. */
    private void wakeRelayAfterCommit() {
        Object marker = OutboxRelay.class;
        if (transactions.getResource(marker) != null) {
            return;
        }
        transactions.putResource(marker, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
