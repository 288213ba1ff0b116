package cn.hkmo.appointment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

/** The knobs of the booking rules; defaults are the values the issue and docs/domain.md#r-booking suggest. */
@ConfigMapping(prefix = "hkmo.appointment")
public interface AppointmentConfig {

    /** Days ahead (after today) that can be booked. */
    @WithDefault("30")
    int horizonDays();

    /** A window can be booked until this long before it starts. */
    @WithDefault("PT2H")
    Duration minimumNotice();

    /** How long a place stays held while the form is filled. */
    @WithDefault("PT5M")
    Duration holdTtl();

    /** How long a place offered from the waitlist waits for the citizen to book it. */
    @WithDefault("PT30M")
    Duration offerTtl();

    /** How long a citizen whose booking a hall closure cancelled keeps priority to rebook. */
    @WithDefault("P30D")
    Duration priorityRebookValidity();

    /** Reminder events go out this long before a window starts. */
    @WithDefault("P1D")
    Duration reminderLead();

    CheckIn checkIn();

    Limits limits();

    NoShow noShow();

    interface CheckIn {
        /** Check-in opens this long before the window. */
        @WithDefault("PT30M")
        Duration early();

        /** Check-in closes this long after the window; later, the booking becomes a no-show. */
        @WithDefault("PT15M")
        Duration late();

        /** HMAC key of the QR payload, at least 32 characters. */
        String secret();
    }

    interface Limits {
        /** Active bookings per citizen and document type. */
        @WithDefault("1")
        int maxActivePerDocument();

        /** Bookings a citizen may make (cancelled ones included) within {@link #period()}. */
        @WithDefault("5")
        int maxBookingsPerPeriod();

        @WithDefault("P30D")
        Duration period();

        /** Waitlist entries (waiting or offered) a citizen may have at once; each can turn into a held place. */
        @WithDefault("2")
        int maxWaitlistEntries();
    }

    interface NoShow {
        @WithDefault("3")
        int threshold();

        @WithDefault("P6M")
        Period lookback();

        @WithDefault("P1Y")
        Period restriction();
    }
}
