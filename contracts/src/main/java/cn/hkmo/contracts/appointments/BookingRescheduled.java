package cn.hkmo.contracts.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A booking moved to another window in one step. Key = booking number. Producer: appointment-service.
 */
public record BookingRescheduled(
        String bookingNo,
        String subject,
        String hallId,
        LocalDate date,
        LocalTime windowStart,
        LocalTime windowEnd,
        String previousHallId,
        LocalDate previousDate,
        LocalTime previousWindowStart,
        OffsetDateTime rescheduledAt) {
    public static final String TYPE = "appointment.rescheduled.v1";
}
