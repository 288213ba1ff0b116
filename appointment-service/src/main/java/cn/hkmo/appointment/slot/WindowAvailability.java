package cn.hkmo.appointment.slot;

import java.time.LocalTime;

/**
 * Places left in one window. {@code taken} counts bookings, live holds and waitlist offers, so
 * remaining = capacity − taken; a hold that expired but was not yet released by the sweep is given
 * back here already ({@code expiredHolds}), so availability never waits for a job.
 */
public record WindowAvailability(LocalTime start, LocalTime end, int capacity, int remaining, boolean full) {

    public static WindowAvailability of(LocalTime start, LocalTime end, int capacity, int taken, int expiredHolds) {
        int remaining = Math.max(0, Math.min(capacity, capacity - taken + expiredHolds));
        // "full" is what clients show as 已满 / 不可预约
        return new WindowAvailability(start, end, capacity, remaining, remaining == 0);
    }
}
