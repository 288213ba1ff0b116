package cn.hkmo.contracts;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    record Sample(String bookingNo, int places) {
    }

    @Test
    void roundTripKeepsEveryAttributeAndThePayload() {
        OffsetDateTime time = OffsetDateTime.parse("2026-09-30T10:15:30+08:00");
        EventEnvelope sent = EventEnvelope.of("appointment.booked.v1", "/appointment-service", "B1", time,
                new Sample("B1", 2));

        EventEnvelope received = EventEnvelope.parse(sent.toJson());

        assertThat(received).isEqualTo(sent);
        assertThat(received.time()).isEqualTo(time);
        assertThat(received.dataAs(Sample.class)).isEqualTo(new Sample("B1", 2));
        assertThat(sent.toJson()).contains("\"specversion\":\"1.0\"", "\"time\":\"2026-09-30T10:15:30+08:00\"");
    }

    @Test
    void recordsThatAreNotEnvelopesArePoison() {
        assertThatThrownBy(() -> EventEnvelope.parse("not json")).isInstanceOf(EventEnvelope.MalformedEventException.class);
        assertThatThrownBy(() -> EventEnvelope.parse("{\"specversion\":\"1.0\"}"))
                .isInstanceOf(EventEnvelope.MalformedEventException.class);
        String wrongVersion = EventEnvelope.JSON.valueToTree(Map.of("specversion", "0.3", "id", "1", "type", "t",
                "source", "s", "time", "2026-01-01T00:00:00Z", "subject", "k")).toString();
        assertThatThrownBy(() -> EventEnvelope.parse(wrongVersion)).isInstanceOf(EventEnvelope.MalformedEventException.class);
    }
}
