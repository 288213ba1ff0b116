package cn.hkmo.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    void aBookingFromBeforeHallRegionReadsWithTheRegionUnknown() throws JsonProcessingException {
        String old = """
                {"bookingNo":"B1","applicant":{"subject":"s","residentId":"110105199003071239"},"hallId":"BJ-CHAOYANG",
                 "date":"2026-10-08","windowStart":"09:00:00","windowEnd":"09:30:00","hukouRegion":"110105","nonHukou":false,
                 "category":"FIRST_APPLICATION","endorsements":[],"bookedAt":"2026-10-01T20:00:00+08:00"}""";
        EventEnvelope envelope = EventEnvelope.parse(EventEnvelope.of(cn.hkmo.contracts.appointments.BookingBooked.TYPE,
                "/appointment-service", "B1", OffsetDateTime.now(), EventEnvelope.JSON.readTree(old)).toJson());
        var booked = envelope.dataAs(cn.hkmo.contracts.appointments.BookingBooked.class);
        assertThat(booked.hallRegion()).isNull();
        assertThat(booked.hallId()).isEqualTo("BJ-CHAOYANG");
        assertThat(booked.date()).isEqualTo(java.time.LocalDate.of(2026, 10, 8));

        var current = EventEnvelope.of(cn.hkmo.contracts.appointments.BookingRescheduled.TYPE, "/appointment-service", "B1",
                OffsetDateTime.now(), new cn.hkmo.contracts.appointments.BookingRescheduled("B1", "s", "SH-PUDONG", "310115",
                        java.time.LocalDate.of(2026, 10, 9), java.time.LocalTime.of(9, 0), java.time.LocalTime.of(9, 30),
                        "BJ-CHAOYANG", java.time.LocalDate.of(2026, 10, 8), java.time.LocalTime.of(9, 0), OffsetDateTime.now()));
        assertThat(EventEnvelope.parse(current.toJson()).dataAs(cn.hkmo.contracts.appointments.BookingRescheduled.class)
                .hallRegion()).isEqualTo("310115");
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
