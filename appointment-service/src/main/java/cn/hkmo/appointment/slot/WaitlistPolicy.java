package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.Violation;

import java.util.Optional;

/**
 * How much of the waitlist one person may occupy. Every entry can become an offer, and an offer is a held place,
 * so unlimited entries were a way around "one form hold at a time": a citizen may wait for a few windows, and
 * holds at most one offer; a place freed while they hold one goes to the next person in line.
 */
public record WaitlistPolicy(int maxEntriesPerCitizen) {

    public WaitlistPolicy {
        if (maxEntriesPerCitizen < 1) {
            throw new IllegalArgumentException("a citizen may wait for at least one window");
        }
    }

    /** @param activeEntries the citizen's entries now waiting or offered */
    public Optional<Violation> checkJoin(long activeEntries) {
        return activeEntries >= maxEntriesPerCitizen
                ? Optional.of(Violation.of("", AppointmentError.WAITLIST_LIMIT_REACHED, maxEntriesPerCitizen))
                : Optional.empty();
    }

    /** @param outstandingOffers the citizen's offers not yet booked, declined or lapsed */
    public boolean mayBeOffered(long outstandingOffers) {
        return outstandingOffers == 0;
    }
}
