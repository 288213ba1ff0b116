package cn.hkmo.contracts.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Time to remind the citizen of an appointment (notification services consume it). Key = booking number. Producer: appointment-service.
 */
public record ReminderDue(
        String bookingNo,
        String subject,
        String hallId,
        LocalDate date,
        LocalTime windowStart,
        OffsetDateTime dueAt) {
    public static final String TYPE = "appointment.reminder-due.v1";
}
