package cn.hkmo.contracts.appointments;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A booking moved to another window in one step, possibly at another hall. Key = booking number. Producer: appointment-service.
 *
 * @param hallRegion the (new) hall's district, GB/T 2260 six-digit code; null in events written before the field
 *                   existed (consumers treat it as unknown if the hall changed)
 */
public record BookingRescheduled(
        String bookingNo,
        String subject,
        String hallId,
        @JsonPropertyDescription("GB/T 2260 district code (6 digits) of the hall; absent in events from before it existed")
        String hallRegion,
        LocalDate date,
        LocalTime windowStart,
        LocalTime windowEnd,
        String previousHallId,
        LocalDate previousDate,
        LocalTime previousWindowStart,
        OffsetDateTime rescheduledAt) {
    public static final String TYPE = "appointment.rescheduled.v1";

    /** The shape before {@code hallRegion}: the hall's region unknown. New producers fill the region. */
    @Deprecated
    public BookingRescheduled(String bookingNo, String subject, String hallId, LocalDate date, LocalTime windowStart,
                              LocalTime windowEnd, String previousHallId, LocalDate previousDate, LocalTime previousWindowStart,
                              OffsetDateTime rescheduledAt) {
        this(bookingNo, subject, hallId, null, date, windowStart, windowEnd, previousHallId, previousDate, previousWindowStart,
                rescheduledAt);
    }
}
