package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.support.Effects;
import cn.hkmo.kit.support.Kafka;
import cn.hkmo.kit.support.KitEventsConsumer;
import cn.hkmo.platform.test.PlatformTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class InboxIT {

    private static final String KIT_EVENTS = "kit-events";

    @Inject
    Inbox inbox;
    @Inject
    Effects effects;
    @Inject
    MeterRegistry meters;

    @Test
    void recordsAnEventOncePerConsumerInTheCallersTransaction() {
        EventEnvelope event = event("I-" + UUID.randomUUID(), "test.step.v1");

        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(event, "a"))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(event, "a"))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(event, "b"))).isTrue();
        assertThatThrownBy(() -> inbox.firstDelivery(event, "c")).isInstanceOf(TransactionalException.class);
    }

    @Test
    void aRedeliveredEventHasExactlyOneEffect() {
        String key = "I-" + UUID.randomUUID();
        EventEnvelope event = event(key, "test.step.v1");
        EventEnvelope marker = event(key, "test.marker.v1");

        Kafka.send(KIT_EVENTS, key, event.toJson(), event.toJson(), marker.toJson());

        await().atMost(Duration.ofSeconds(60)).until(() -> effects.ofEvent(marker.id()) == 1);
        assertThat(effects.ofEvent(event.id())).isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionKeepsMoving() {
        String key = "P-" + UUID.randomUUID();
        String notAnEnvelope = "{\"this is\": \"not an event " + key + "\"";
        EventEnvelope failing = event(key, KitEventsConsumer.POISON_TYPE);
        EventEnvelope after = event(key, "test.after-poison.v1");

        Kafka.send(KIT_EVENTS, key, notAnEnvelope, failing.toJson(), after.toJson());

        await().atMost(Duration.ofSeconds(60)).until(() -> effects.ofEvent(after.id()) == 1);
        List<ConsumerRecord<String, String>> dead = Kafka.readUntil(KIT_EVENTS + ".dlq",
                read -> read.stream().filter(r -> key.equals(r.key())).count() >= 2, Duration.ofSeconds(60));
        assertThat(dead).filteredOn(r -> key.equals(r.key())).extracting(ConsumerRecord::value)
                .containsExactly(notAnEnvelope, failing.toJson());
        assertThat(dead).filteredOn(r -> key.equals(r.key()))
                .allSatisfy(r -> assertThat(Kafka.header(r, "dead-letter-reason")).isNotBlank());
        assertThat(effects.ofEvent(failing.id())).isZero();
    }

    @Test
    void anEventConsumedWhileTheDatabaseRestartsIsAppliedOnceWhenItIsBackNotDeadLettered() throws Exception {
        String key = "O-" + UUID.randomUUID();
        EventEnvelope duringOutage = event(key, "test.step.v1");
        EventEnvelope poisonAfter = event(key, KitEventsConsumer.POISON_TYPE);
        double outageRetriesBefore = outageRetries();

        PlatformTestResource.platform().postgres().restart(() -> {
            Kafka.send(KIT_EVENTS, key, duringOutage.toJson());
            // the consumer has met the outage, and keeps at it past the attempts a bug would get
            await().atMost(Duration.ofSeconds(60)).until(() -> outageRetries() >= outageRetriesBefore + 4);
        });

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> effects.ofEvent(duringOutage.id()) == 1);
        // The dead-letter topic keeps per-key order: the poison record sent after is the first of this key there.
        Kafka.send(KIT_EVENTS, key, poisonAfter.toJson());
        List<ConsumerRecord<String, String>> dead = Kafka.readUntil(KIT_EVENTS + ".dlq",
                read -> read.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(60));
        assertThat(dead).filteredOn(r -> key.equals(r.key())).extracting(ConsumerRecord::value)
                .containsExactly(poisonAfter.toJson());
        assertThat(effects.ofEvent(duringOutage.id())).isEqualTo(1);
    }

    private double outageRetries() {
        Counter counter = meters.find("hkmo.inbox.retries")
                .tags("consumer", KitEventsConsumer.CONSUMER, "cause", "outage").counter();
        return counter == null ? 0 : counter.count();
    }

    private static EventEnvelope event(String key, String type) {
        return EventEnvelope.of(type, "/kit-test-producer", key, OffsetDateTime.now(), Map.of("key", key));
    }
}
