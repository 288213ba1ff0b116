package cn.hkmo.issuance.timeline;

import cn.hkmo.contracts.EventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Map;

/** A stored timeline step (see {@link TimelineFact}); details as a small JSON object. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String eventId;
    @Enumerated(EnumType.STRING)
    private TimelineStep step;
    private String applicationNo;
    private String bookingNo;
    private String subject;
    private OffsetDateTime occurredAt;
    private String details;

    protected TimelineEntry() {
    }

    TimelineEntry(TimelineFact fact) {
        this.eventId = fact.eventId();
        this.step = fact.step();
        this.applicationNo = fact.applicationNo();
        this.bookingNo = fact.bookingNo();
        this.subject = fact.subject();
        this.occurredAt = fact.at();
        try {
            this.details = EventEnvelope.JSON.writeValueAsString(fact.details());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    TimelineFact fact() {
        try {
            return new TimelineFact(eventId, step, applicationNo, bookingNo, subject, occurredAt,
                    EventEnvelope.JSON.readValue(details, new TypeReference<Map<String, String>>() {
                    }));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String subject() {
        return subject;
    }
}
