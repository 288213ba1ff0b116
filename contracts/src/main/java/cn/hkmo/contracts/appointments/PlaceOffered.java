package cn.hkmo.contracts.appointments;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A place came free in a window the citizen waits for; it is held for them until {@code expiresAt}
 * (book with {@code holdId}). Key = hold id. Producer: appointment-service.
 */
public record PlaceOffered(
        String holdId,
        String subject,
        String hallId,
        LocalDate date,
        LocalTime windowStart,
        OffsetDateTime expiresAt,
        @JsonPropertyDescription("The waiting citizen's mobile, for the offer's text; absent in events from before it existed")
        String mobile) {
    public static final String TYPE = "appointment.place-offered.v1";

    /** The shape before {@code mobile}: the citizen's number unknown to notification services. New producers fill it. */
    @Deprecated
    public PlaceOffered(String holdId, String subject, String hallId, LocalDate date, LocalTime windowStart,
                        OffsetDateTime expiresAt) {
        this(holdId, subject, hallId, date, windowStart, expiresAt, null);
    }
}
