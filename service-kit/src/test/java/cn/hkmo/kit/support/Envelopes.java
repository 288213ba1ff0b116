package cn.hkmo.kit.support;

import cn.hkmo.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Optional;

public final class Envelopes {

    private Envelopes() {
    }

    public static Optional<EventEnvelope> of(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(EventEnvelope.parse(record.value()));
        } catch (EventEnvelope.MalformedEventException notAnEnvelope) {
            return Optional.empty();
        }
    }

    public static List<EventEnvelope> all(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(Envelopes::of).flatMap(Optional::stream).toList();
    }

    public static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return all(records).stream().map(EventEnvelope::id).toList();
    }
}
