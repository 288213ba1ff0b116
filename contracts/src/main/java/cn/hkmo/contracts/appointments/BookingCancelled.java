package cn.hkmo.contracts.appointments;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A booking was cancelled by the citizen, or by a hall closure (reason HALL_CLOSED, with priority to rebook). Key = booking number. Producer: appointment-service.
 */
public record BookingCancelled(
        String bookingNo,
        String subject,
        String hallId,
        LocalDate date,
        String reason,
        OffsetDateTime cancelledAt) {
    public static final String TYPE = "appointment.cancelled.v1";
}
