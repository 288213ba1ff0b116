package cn.hkmo.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every event on the suite's topics: a CloudEvents 1.0 event in structured JSON
 * mode, so any CloudEvents-aware tool can read it.
 *
 * @param id              unique per event; consumers record it to ignore redeliveries
 * @param type            domain type with a version, e.g. {@code appointment.booked.v1}
 * @param source          the producing service, e.g. {@code /appointment-service}
 * @param time            when the business change committed
 * @param subject         the record key: booking or application number
 * @param data            the payload, one of the records in this module
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    /** One mapper for envelopes and payloads, so producers and consumers cannot drift. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }

    public static EventEnvelope of(String type, String source, String subject, OffsetDateTime time, Object data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), type, source, time, subject,
                "application/json", JSON.valueToTree(data));
    }

    /** Reads an envelope; a record that is not one throws {@link MalformedEventException} (a poison message). */
    public static EventEnvelope parse(String json) {
        try {
            EventEnvelope envelope = JSON.readValue(json, EventEnvelope.class);
            if (!SPEC_VERSION.equals(envelope.specversion())) {
                throw new MalformedEventException("unsupported specversion " + envelope.specversion());
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    /** The payload as the record its type names. */
    public <T> T dataAs(Class<T> payloadType) {
        try {
            return JSON.treeToValue(data, payloadType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + type + " is not a " + payloadType.getSimpleName(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + id, e);
        }
    }

    /** A record on a topic that cannot be read as an event: it belongs on the dead-letter topic. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
