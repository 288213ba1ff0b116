package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.slot.Slot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The times around a booked window: until when it may be cancelled or moved (the hall's cut-off), when
 * the citizen may check in (from {@code checkInEarly} before the start to {@code checkInLate} after the
 * end), and when the booking becomes a no-show (once check-in has closed).
 */
public record BookingDeadlines(Duration checkInEarly, Duration checkInLate, ZoneId zone) {

    public boolean canChange(Slot slot, Duration hallCutOff, Instant now) {
        return now.isBefore(changeDeadline(slot, hallCutOff));
    }

    public Instant changeDeadline(Slot slot, Duration hallCutOff) {
        return slot.startsAt(zone).toInstant().minus(hallCutOff);
    }

    public boolean canCheckIn(Slot slot, Instant now) {
        return !now.isBefore(checkInOpens(slot)) && !now.isAfter(checkInCloses(slot));
    }

    public Instant checkInOpens(Slot slot) {
        return slot.startsAt(zone).toInstant().minus(checkInEarly);
    }

    public Instant checkInCloses(Slot slot) {
        return slot.endsAt(zone).toInstant().plus(checkInLate);
    }
}
