package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.support.Effects;
import cn.hkmo.kit.support.Kafka;
import cn.hkmo.kit.support.KitEventsConsumer;
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
class InboxTest {

    private static final String KIT_EVENTS = "kit-events";

    @Inject
    Inbox inbox;
    @Inject
    Effects effects;

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

    private static EventEnvelope event(String key, String type) {
        return EventEnvelope.of(type, "/kit-test-producer", key, OffsetDateTime.now(), Map.of("key", key));
    }
}
