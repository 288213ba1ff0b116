package cn.hkmo.kit.outbox;

import cn.hkmo.kit.identity.PersonalDataCipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox rows to Kafka, in order, at least once (ADR 0002).
 *
 * <p>Only one relay per database works at a time (PostgreSQL advisory lock held by the pass's
 * transaction), so replicas never interleave a key's events. Within a pass, a key's next event is
 * sent only after the broker acknowledged the previous one; a key whose send fails stops there and
 * is retried, from that event, by a later pass. Rows are marked published only after the ack.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id of the relay; each service has its own database, so a constant is enough. */
    static final long RELAY_LOCK = 0x68_6b_6d_6f_6f_75_74L; // "hkmoout"

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Clock clock;
    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private final MeterRegistry meters;
    private final PersonalDataCipher cipher;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Producer<String, String> producer;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config, Clock clock,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       MeterRegistry meters, PersonalDataCipher cipher) {
        this.entityManager = entityManager;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
        this.kafkaConfig = kafkaConfig;
        this.clientId = applicationName + "-outbox";
        this.meters = meters;
        meters.gauge("hkmo.outbox.backlog", backlog);
    }

    void onStart(@Observes StartupEvent event) {
        wakeUp(); // rows left by a crash before the last commit's relay pass
    }

    /** Asks for a relay pass soon, on the relay thread; wake-ups that arrive during a pass coalesce into one more. */
    public void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                wakeUpPending.set(false);
            }
        }
    }

    /** Crash recovery and broker-outage retry: commits normally wake the relay themselves. */
    @Scheduled(every = "${hkmo.outbox.sweep-interval}", delayed = "${hkmo.outbox.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wakeUp();
    }

    private void drain() {
        wakeUpPending.set(false);
        try {
            int published;
            do {
                published = publishPending();
            } while (published >= config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, the next sweep retries: %s", e.toString());
        }
    }

    /**
     * One relay pass: publishes up to {@code batch-size} unpublished events and marks the acknowledged ones.
     * Safe to call from several threads or replicas at once: all but one return 0 at once.
     *
     * @return how many events were published
     */
    public int publishPending() {
        int timeoutSeconds = (int) config.ackTimeout().plusSeconds(30).toSeconds();
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            Boolean leader = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK).getSingleResult();
            if (!leader) {
                return 0;
            }
            // Read-only: the pass changes one column of the rows it sent, with one statement, not each entity's
            // every column at flush (the sealed envelope went back to the table with each of them).
            List<OutboxEvent> batch = entityManager
                    .createQuery("from OutboxEvent where publishedAt is null order by id", OutboxEvent.class)
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .setMaxResults(config.batchSize())
                    .getResultList();
            List<OutboxEvent> acknowledged = batch.isEmpty() ? List.of() : send(batch);
            if (!acknowledged.isEmpty()) {
                entityManager.createQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                        .setParameter("now", OffsetDateTime.now(clock))
                        .setParameter("ids", acknowledged.stream().map(event -> event.id).toList())
                        .executeUpdate();
                acknowledged.forEach(event ->
                        Counter.builder("hkmo.outbox.published").tag("topic", event.topic).register(meters).increment());
            }
            // A batch that was not full held every row waiting at its read: what it did not get acknowledged is the
            // backlog. Only a full batch may have left rows behind, which a count finds.
            backlog.set(batch.size() < config.batchSize() ? batch.size() - acknowledged.size() : unpublished());
            return acknowledged.size();
        });
    }

    private long unpublished() {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where published_at is null")
                .getSingleResult()).longValue();
    }

    /**
     * Sends the batch in rounds: round n sends the n-th event of every key still in good standing and
     * waits for all acknowledgements, so a key's later event never overtakes an earlier one.
     */
    private List<OutboxEvent> send(List<OutboxEvent> batch) {
        Map<String, List<OutboxEvent>> byKey = new LinkedHashMap<>();
        for (OutboxEvent event : batch) {
            byKey.computeIfAbsent(event.topic + '\u0000' + event.messageKey, k -> new ArrayList<>()).add(event);
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<OutboxEvent> acknowledged = new ArrayList<>();
        List<List<OutboxEvent>> keys = new ArrayList<>(byKey.values());
        for (int round = 0; !keys.isEmpty(); round++) {
            Map<List<OutboxEvent>, CompletableFuture<RecordMetadata>> inFlight = new LinkedHashMap<>();
            for (List<OutboxEvent> events : keys) {
                inFlight.put(events, sendOne(events.get(round)));
            }
            List<List<OutboxEvent>> nextRound = new ArrayList<>();
            for (Map.Entry<List<OutboxEvent>, CompletableFuture<RecordMetadata>> sent : inFlight.entrySet()) {
                OutboxEvent event = sent.getKey().get(round);
                if (awaitAck(sent.getValue(), deadline, event)) {
                    acknowledged.add(event);
                    if (sent.getKey().size() > round + 1) {
                        nextRound.add(sent.getKey());
                    }
                }
            }
            keys = nextRound;
        }
        return acknowledged;
    }

    private CompletableFuture<RecordMetadata> sendOne(OutboxEvent event) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.messageKey, event.json(cipher));
        if (event.traceparent != null) {
            record.headers().add("traceparent", event.traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private boolean awaitAck(CompletableFuture<RecordMetadata> ack, long deadline, OutboxEvent event) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            meters.counter("hkmo.outbox.send.failures", "topic", event.topic).increment();
            LOG.warnf("event %s to %s not acknowledged, retried later: %s", event.eventId, event.topic, e.toString());
            return false;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    /** The application's {@code kafka.*} settings, with what the outbox's guarantees depend on forced on top. */
    private Map<String, Object> producerConfig() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int ackTimeoutMs = (int) config.ackTimeout().toMillis();
        int requestTimeoutMs = Math.min(10_000, ackTimeoutMs / 2);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ackTimeoutMs);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeoutMs);
        return settings;
    }

    /** Deletes published rows after the retention period. */
    @Scheduled(every = "${hkmo.outbox.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublished() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("delete from OutboxEvent where publishedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
        if (deleted > 0) {
            LOG.debugf("deleted %d published outbox events older than %s", deleted, cutoff);
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(config.ackTimeout().toSeconds() + 5, TimeUnit.SECONDS);
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
