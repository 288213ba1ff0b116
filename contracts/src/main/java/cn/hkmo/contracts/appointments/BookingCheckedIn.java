package cn.hkmo.contracts.appointments;

import java.time.OffsetDateTime;

/**
 * The citizen checked in at the hall; the counter may now take the application. Key = booking number. Producer: appointment-service.
 */
public record BookingCheckedIn(
        String bookingNo,
        String subject,
        String hallId,
        String officer,
        OffsetDateTime checkedInAt) {
    public static final String TYPE = "appointment.checked-in.v1";
}
