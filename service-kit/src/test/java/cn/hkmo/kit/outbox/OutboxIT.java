package cn.hkmo.kit.outbox;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.support.Effects;
import cn.hkmo.kit.support.Envelopes;
import cn.hkmo.kit.support.Kafka;
import cn.hkmo.platform.test.PlatformTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxIT {

    private static final String KIT_EVENTS = "kit-events";

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager entityManager;
    @Inject
    Effects effects;
    @Inject
    MeterRegistry meters;

    @Test
    void publishesAnEventIfAndOnlyIfItsTransactionCommits() {
        String topic = "kit.commit-test";
        String key = "A-" + UUID.randomUUID();
        EventEnvelope committed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(topic, key, "test.committed.v1", Map.of("n", 1)));
        QuarkusTransaction.begin();
        EventEnvelope rolledBack = outbox.append(topic, key, "test.rolled-back.v1", Map.of("n", 2));
        QuarkusTransaction.rollback();
        String marker = given().post("/test/outbox/" + topic + "/" + key).then().statusCode(200).extract().asString();

        List<ConsumerRecord<String, String>> records = Kafka.readUntil(topic,
                read -> Envelopes.ids(read).contains(marker), Duration.ofSeconds(60));

        List<String> ids = Envelopes.ids(records);
        assertThat(ids).contains(committed.id()).doesNotContain(rolledBack.id());
        assertThat(ids.indexOf(committed.id())).isLessThan(ids.indexOf(marker));
        ConsumerRecord<String, String> markerRecord = records.stream()
                .filter(r -> Envelopes.of(r).map(EventEnvelope::id).filter(marker::equals).isPresent())
                .findFirst().orElseThrow();
        assertThat(markerRecord.key()).isEqualTo(key);
        assertThat(Kafka.header(markerRecord, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        EventEnvelope envelope = EventEnvelope.parse(markerRecord.value());
        assertThat(envelope.source()).isEqualTo("/kit-test");
        assertThat(envelope.subject()).isEqualTo(key);
        assertThat(envelope.time().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    }

    @Test
    void keepsTheEnvelopeSealedAtRestAndPublishesItInClearAlsoForRowsWrittenBeforeTheSeal() {
        String topic = "kit.sealed-test";
        String key = "S-" + UUID.randomUUID();
        String residentId = "11010519491231002X";
        EventEnvelope sealed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(topic, key, "test.applicant.v1", Map.of("residentId", residentId)));
        EventEnvelope legacy = EventEnvelope.of("test.legacy.v1", "/kit-test", key, java.time.OffsetDateTime.now(), Map.of("n", 1));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox_event (event_id, topic, message_key, type, envelope, created_at)
                        values (cast(:id as uuid), :topic, :key, :type, :envelope, now())""")
                .setParameter("id", legacy.id()).setParameter("topic", topic).setParameter("key", key)
                .setParameter("type", legacy.type()).setParameter("envelope", legacy.toJson()).executeUpdate());
        relay.wakeUp();

        List<ConsumerRecord<String, String>> records = Kafka.readUntil(topic,
                read -> Envelopes.ids(read).contains(legacy.id()), Duration.ofSeconds(60));

        assertThat(records).extracting(ConsumerRecord::value).contains(sealed.toJson(), legacy.toJson());
        String atRest = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select envelope from outbox_event where event_id = cast(:id as uuid)")
                .setParameter("id", sealed.id()).getSingleResult());
        assertThat(atRest).startsWith("dev1:").doesNotContain(residentId).doesNotContain(key);
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append("kit.commit-test", "k", "test.orphan.v1", Map.of()))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void onlyOneRelayWorksAtATimeAndKeysStayInOrderWithConcurrentRelays() throws Exception {
        String topic = "kit.order-test";
        String run = UUID.randomUUID().toString().substring(0, 8);
        int events = 60;
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c", run + "-d");

        // Another replica holds the relay lock: this one publishes nothing.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherReplica = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(:lock)")
                    .setParameter("lock", OutboxRelay.RELAY_LOCK).getSingleResult();
            locked.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
        }));
        locked.await();
        QuarkusTransaction.requiringNew().run(() -> IntStream.range(0, events).forEach(i ->
                outbox.append(topic, keys.get(i % keys.size()), "test.sequence.v1", Map.of("seq", i))));
        assertThat(relay.publishPending()).isZero();
        release.countDown();
        otherReplica.get();

        // Two relays racing (plus the one the commit woke up) with a small batch size: many passes interleave.
        List<CompletableFuture<Integer>> replicas = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                int published = 0;
                for (int pass = 0; pass < 15; pass++) {
                    published += relay.publishPending();
                }
                return published;
            }));
        }
        CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get();

        List<EventEnvelope> published = Envelopes.all(Kafka.readUntil(topic,
                read -> Envelopes.all(read).stream().filter(e -> e.subject().startsWith(run)).count() >= events,
                Duration.ofSeconds(60))).stream().filter(e -> e.subject().startsWith(run)).toList();
        assertThat(published).extracting(EventEnvelope::id).doesNotHaveDuplicates().hasSize(events);
        Map<String, List<Integer>> sequenceByKey = new HashMap<>();
        published.forEach(e -> sequenceByKey.computeIfAbsent(e.subject(), k -> new ArrayList<>())
                .add(e.data().get("seq").asInt()));
        sequenceByKey.values().forEach(sequence -> assertThat(sequence).isSorted().hasSize(events / keys.size()));
    }

    @Test
    void loosesNothingAndDuplicatesNoEffectWhenTheBrokerRestartsMidStream() {
        String run = "R-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int perPhase = 10;
        publishEvents(run, 0, perPhase);
        await().atMost(Duration.ofSeconds(60)).until(() -> effects.withSubjectPrefix(run) >= 1);

        PlatformTestResource.platform().kafka().stop();
        try {
            double failuresBefore = sendFailures();
            publishEvents(run, perPhase, perPhase);
            // The relay met the outage: the events wait in the table, unacknowledged, for a later pass.
            await().atMost(Duration.ofSeconds(60)).until(() -> sendFailures() > failuresBefore);
            await().atMost(Duration.ofSeconds(60)).until(() -> backlog() >= perPhase);
        } finally {
            PlatformTestResource.platform().kafka().start();
        }
        publishEvents(run, 2 * perPhase, perPhase);

        int total = 3 * perPhase;
        await().atMost(Duration.ofSeconds(120)).until(() -> effects.withSubjectPrefix(run) >= total);
        // Whatever could still be redelivered is in front of this marker on the same partitions.
        String markerKey = run + "0";
        String marker = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(KIT_EVENTS, markerKey, "test.marker.v1", Map.of())).id();
        await().atMost(Duration.ofSeconds(60)).until(() -> effects.ofEvent(marker) == 1);
        assertThat(effects.withSubjectPrefix(run)).isEqualTo(total + 1);
        assertThat(effects.distinctEventsWithSubjectPrefix(run)).isEqualTo(total + 1);
        // a pass marks its rows when it commits, after the consumer may have applied them
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog() == 0 && unpublished(run) == 0);
    }

    private long unpublished(String keyPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(*) from OutboxEvent where messageKey like :prefix and publishedAt is null", Long.class)
                .setParameter("prefix", keyPrefix + "%").getSingleResult());
    }

    private double backlog() {
        return meters.find("hkmo.outbox.backlog").gauge().value();
    }

    private double sendFailures() {
        return meters.find("hkmo.outbox.send.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private void publishEvents(String run, int from, int count) {
        for (int i = from; i < from + count; i++) {
            int seq = i;
            QuarkusTransaction.requiringNew().run(() -> outbox.append(KIT_EVENTS, run + (seq % 3), "test.step.v1",
                    Map.of("seq", seq)));
        }
    }
}
