package cn.hkmo.contracts.appointments;

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
        OffsetDateTime expiresAt) {
    public static final String TYPE = "appointment.place-offered.v1";
}
