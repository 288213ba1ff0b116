package cn.hkmo.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When a text may go: quiet hours (business time), the per-citizen daily cap, and the back-off between attempts.
 * Plain rules, unit-tested without a container.
 */
public final class DeliveryPolicy {

    public static final String QUIET_HOURS = "QUIET_HOURS";
    public static final String DAILY_CAP = "DAILY_CAP";
    /** Recorded on a time-critical text sent in quiet hours or over the cap: the reason it went anyway. */
    public static final String TIME_CRITICAL = "TIME_CRITICAL";

    private final LocalTime quietStart;
    private final LocalTime quietEnd;
    private final int dailyCap;
    private final List<Duration> retryDelays;
    private final ZoneId zone;

    public DeliveryPolicy(LocalTime quietStart, LocalTime quietEnd, int dailyCap, List<Duration> retryDelays, ZoneId zone) {
        this.quietStart = quietStart;
        this.quietEnd = quietEnd;
        this.dailyCap = dailyCap;
        this.retryDelays = List.copyOf(retryDelays);
        this.zone = zone;
    }

    public sealed interface Decision {
    }

    /** Send now; {@code reason} is set when it goes despite quiet hours or the cap. */
    public record Send(String reason) implements Decision {
    }

    public record HoldUntil(Instant until) implements Decision {
    }

    public record Skip(String reason) implements Decision {
    }

    /**
     * @param sentToday texts already sent to this citizen on the business day of {@code now}
     */
    public Decision decide(boolean timeCritical, Instant now, long sentToday) {
        boolean quiet = inQuietHours(now);
        boolean capped = sentToday >= dailyCap;
        if (timeCritical) {
            return new Send(quiet || capped ? TIME_CRITICAL : null);
        }
        if (capped) {
            return new Skip(DAILY_CAP);
        }
        return quiet ? new HoldUntil(quietEnds(now)) : new Send(null);
    }

    public boolean inQuietHours(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return quietStart.isAfter(quietEnd)
                ? !t.isBefore(quietStart) || t.isBefore(quietEnd)
                : !t.isBefore(quietStart) && t.isBefore(quietEnd);
    }

    /** The next end of quiet hours after {@code at}. */
    public Instant quietEnds(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(quietEnd);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    /** When to try again after failed attempt number {@code attempts} (1-based); empty when they are used up. */
    public Optional<Instant> retryAt(int attempts, Instant now) {
        return attempts <= retryDelays.size() ? Optional.of(now.plus(retryDelays.get(attempts - 1))) : Optional.empty();
    }

    /** Start of the business day of {@code at}, for the daily cap. */
    public Instant startOfDay(Instant at) {
        return at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
