package cn.hkmo.eligibility.messaging;

import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.appointments.HallClosed;
import cn.hkmo.eligibility.booking.Bookings;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code appointments}: bookings to expect at the counters, check-ins that open intake, cancellations.
 * Reminders and place offers are not the counter's business: they have no handler and are skipped.
 */
@ApplicationScoped
public class AppointmentEventsConsumer {

    static final String CONSUMER = "eligibility-bookings";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public AppointmentEventsConsumer(Inbox inbox, Bookings bookings) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(BookingBooked.class, bookings::booked)
                .on(BookingCheckedIn.class, bookings::checkedIn)
                .on(BookingRescheduled.class, bookings::rescheduled)
                .on(BookingCancelled.class, bookings::cancelled)
                .on(BookingNoShow.class, bookings::missed)
                .on(HallClosed.class, bookings::hallClosed);
    }

    @Incoming("appointments")
    @Blocking
    public void on(String record) {
        inbox.deliver(record, CONSUMER, handlers::handle);
    }
}
