package cn.hkmo.contracts.appointments;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The citizen did not come in the booked window (爽约). Key = booking number. Producer: appointment-service.
 */
public record BookingNoShow(
        String bookingNo,
        String subject,
        String hallId,
        LocalDate date,
        OffsetDateTime recordedAt) {
    public static final String TYPE = "appointment.no-show.v1";
}
