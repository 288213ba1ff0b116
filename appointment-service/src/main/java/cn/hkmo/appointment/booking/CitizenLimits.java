package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.Violation;

import java.time.Duration;
import java.util.Optional;

import static cn.hkmo.appointment.AppointmentError.ACTIVE_BOOKING_EXISTS;
import static cn.hkmo.appointment.AppointmentError.BOOKING_LIMIT_REACHED;

/**
 * Limits per citizen that keep scalpers (号贩子) from hoarding places: active bookings per document
 * type, and bookings made (cancelled ones included) within a rolling period.
 */
public record CitizenLimits(int maxActivePerDocument, int maxBookingsPerPeriod, Duration period) {

    /**
     * @param activeSameDocument bookings of the citizen for this document type not yet attended or cancelled
     * @param bookedInPeriod     bookings the citizen made within {@link #period()}, whatever became of them
     * @param priorityRebook     the citizen lost a booking to a hall closure: the period limit does not apply
     */
    public Optional<Violation> check(long activeSameDocument, long bookedInPeriod, boolean priorityRebook) {
        if (activeSameDocument >= maxActivePerDocument) {
            return Optional.of(Violation.of("documentType", ACTIVE_BOOKING_EXISTS, maxActivePerDocument));
        }
        if (!priorityRebook && bookedInPeriod >= maxBookingsPerPeriod) {
            return Optional.of(Violation.of("", BOOKING_LIMIT_REACHED, maxBookingsPerPeriod, period.toDays()));
        }
        return Optional.empty();
    }
}
