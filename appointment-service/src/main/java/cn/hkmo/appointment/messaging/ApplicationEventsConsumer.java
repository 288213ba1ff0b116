package cn.hkmo.appointment.messaging;

import cn.hkmo.appointment.booking.BookingOutcomes;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code applications} (eligibility-service's counter): each outcome marks its booking as served, once per
 * event (kit inbox, consumer {@value #CONSUMER}). Other types are nothing for the booking. Poison records go to
 * {@code applications.dlq}.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    static final String CONSUMER = "appointment-served";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public ApplicationEventsConsumer(Inbox inbox, BookingOutcomes outcomes) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(ApplicationAccepted.class, outcomes::accepted)
                .on(CorrectionRequested.class, outcomes::correctionRequested)
                .on(ApplicationNotAccepted.class, outcomes::notAccepted);
    }

    @Incoming("applications")
    @Blocking
    public void onRecord(String record) {
        inbox.deliver(record, CONSUMER, handlers::handle);
    }
}
