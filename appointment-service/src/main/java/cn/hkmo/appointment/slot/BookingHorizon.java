package cn.hkmo.appointment.slot;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How far ahead windows may be booked: from {@code minimumNotice} after now until the end of the
 * day {@code days} days after today, in the business zone.
 */
public record BookingHorizon(int days, Duration minimumNotice, ZoneId zone) {

    public BookingHorizon {
        if (days < 0 || minimumNotice.isNegative()) {
            throw new IllegalArgumentException("horizon and notice are not negative");
        }
    }
}
