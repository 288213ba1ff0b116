package cn.hkmo.appointment.slot;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A held place as the citizen sees it: submit the booking with {@code id} before {@code expiresAt}. */
public record HoldView(UUID id, String kind, String hallId, LocalDate date, LocalTime windowStart, LocalTime windowEnd,
                       OffsetDateTime expiresAt) {

    public static HoldView of(HoldEntity hold) {
        return new HoldView(hold.id, hold.kind.name(), hold.hallId, hold.date, hold.windowStart, hold.windowEnd,
                hold.expiresAt.atZoneSameInstant(BookingHorizon.BUSINESS_ZONE).toOffsetDateTime());
    }
}
