package cn.hkmo.contracts.appointments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A hall closed for a day; its bookings that day are cancelled. Key = hall id.
 */
public record HallClosed(
        String hallId,
        LocalDate date,
        String reason,
        List<String> cancelledBookings,
        OffsetDateTime closedAt) {
    public static final String TYPE = "appointment.hall-closed.v1";
}
