package cn.hkmo.kit.time;

import cn.hkmo.kit.config.ClockProducer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * The one way an answer shows a point in time: an ISO-8601 offset date-time in the business zone
 * ({@code 2027-03-01T09:30:00+08:00}), whatever offset the value was read or computed in. A database hands
 * {@code timestamptz} back in UTC and an {@link Instant} has no zone, so without this the same field read
 * {@code Z} in one answer and {@code +08:00} in the next (docs/conventions.md, "Time").
 */
public final class BusinessTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private BusinessTime() {
    }

    /**
     * The same instant in the business zone, to the microsecond: PostgreSQL keeps microseconds, so a time answered
     * from memory right after a write reads the same as the GET that loads it back.
     */
    public static OffsetDateTime of(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime();
    }

    /**
     * The text of an instant-like value ({@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}) in the
     * business zone; anything else is not a point in time and is returned as it is.
     */
    public static Object text(Object value) {
        Instant instant = instant(value);
        return instant == null ? value : FORMAT.format(of(instant));
    }

    /** The instant of a point-in-time value, {@code null} for anything else (a date, a wall-clock time, text). */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return Instant.from((TemporalAccessor) value);
        }
        return null;
    }
}
