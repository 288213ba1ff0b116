package cn.hkmo.appointment.slot;

import cn.hkmo.kit.config.ClockProducer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A held place as the citizen sees it: submit the booking with {@code id} before {@code expiresAt} (business zone).
 *
 * @param kind   {@code HOLD} (taken while the form is filled) or {@code OFFER} (a waitlist place kept for the citizen)
 * @param status {@code ACTIVE}, {@code USED} (booked), {@code RELEASED} (given back) or {@code EXPIRED}; a hold past
 *               its expiry reads EXPIRED even before the sweep has given its place back
 */
public record HoldView(UUID id, String kind, String status, String hallId, LocalDate date, LocalTime windowStart,
                       LocalTime windowEnd, OffsetDateTime expiresAt) {

    public static HoldView of(Hold hold, Instant now) {
        boolean lapsed = hold.status == Hold.Status.ACTIVE && !hold.expiresAt.toInstant().isAfter(now);
        return new HoldView(hold.id, hold.kind.name(), lapsed ? Hold.Status.EXPIRED.name() : hold.status.name(),
                hold.hallId, hold.date, hold.windowStart, hold.windowEnd, expiresAt(hold));
    }

    static OffsetDateTime expiresAt(Hold hold) {
        return hold.expiresAt.atZoneSameInstant(ClockProducer.BUSINESS_ZONE).toOffsetDateTime();
    }
}
