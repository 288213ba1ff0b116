package cn.hkmo.eligibility.booking;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.appointments.HallClosed;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code appointments}: bookings to expect at the counters, check-ins that open intake, cancellations. */
@ApplicationScoped
public class AppointmentEvents {

    static final String CONSUMER = "eligibility-bookings";

    private final Inbox inbox;
    private final Bookings bookings;

    public AppointmentEvents(Inbox inbox, Bookings bookings) {
        this.inbox = inbox;
        this.bookings = bookings;
    }

    @Incoming("appointments")
    @Blocking
    public void on(String record) {
        inbox.deliver(record, CONSUMER, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case BookingBooked.TYPE -> bookings.booked(event.dataAs(BookingBooked.class));
            case BookingCheckedIn.TYPE -> bookings.checkedIn(event.dataAs(BookingCheckedIn.class));
            case BookingCancelled.TYPE -> bookings.close(event.dataAs(BookingCancelled.class).bookingNo(), BookingStatus.CANCELLED);
            case BookingNoShow.TYPE -> bookings.close(event.dataAs(BookingNoShow.class).bookingNo(), BookingStatus.NO_SHOW);
            case BookingRescheduled.TYPE -> bookings.rescheduled(event.dataAs(BookingRescheduled.class));
            case HallClosed.TYPE -> event.dataAs(HallClosed.class).cancelledBookings()
                    .forEach(no -> bookings.close(no, BookingStatus.CANCELLED));
            default -> {
                // reminders and future types: nothing for the counter
            }
        }
    }
}
