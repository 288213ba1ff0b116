package cn.hkmo.appointment.hall;

import java.time.LocalDate;

/** A day a hall receives nobody, and why. */
public record Closure(LocalDate date, Kind kind, String reason) {

    public enum Kind {
        /** A State Council public holiday (from the working-day calendar). */
        PUBLIC_HOLIDAY,
        /** Decided by the hall: maintenance, system upgrade, weather. Cancels that day's bookings. */
        AD_HOC
    }
}
