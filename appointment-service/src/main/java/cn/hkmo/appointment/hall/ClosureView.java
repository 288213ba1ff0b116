package cn.hkmo.appointment.hall;

import java.time.LocalDate;
import java.util.List;

/** A closed day and the bookings its closure cancelled (they stay listed after a reopening). */
public record ClosureView(String hallId, LocalDate date, String reason, List<String> cancelledBookings) {
}
