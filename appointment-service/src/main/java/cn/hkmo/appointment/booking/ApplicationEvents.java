package cn.hkmo.appointment.booking;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code applications} (eligibility-service's counter): each outcome marks its booking as served, once per
 * event (kit inbox, consumer {@value #CONSUMER}). Poison records go to {@code applications.dlq}.
 */
@ApplicationScoped
public class ApplicationEvents {

    static final String CONSUMER = "appointment-served";

    private final Inbox inbox;
    private final BookingOutcomes outcomes;

    public ApplicationEvents(Inbox inbox, BookingOutcomes outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming("applications")
    @Blocking
    public void on(String record) {
        inbox.deliver(record, CONSUMER, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case ApplicationAccepted.TYPE -> outcomes.accepted(event.dataAs(ApplicationAccepted.class));
            case CorrectionRequested.TYPE -> outcomes.correctionRequested(event.dataAs(CorrectionRequested.class));
            case ApplicationNotAccepted.TYPE -> outcomes.notAccepted(event.dataAs(ApplicationNotAccepted.class));
            default -> {
                // other and future types: nothing for the booking
            }
        }
    }
}
