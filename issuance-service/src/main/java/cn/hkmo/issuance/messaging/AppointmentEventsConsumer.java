package cn.hkmo.issuance.messaging;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code appointments}: booked, rescheduled, cancelled, checked in — the start of the citizen's timeline. */
@ApplicationScoped
public class AppointmentEventsConsumer {

    private final Inbox inbox;
    private final TimelineRecorder timeline;

    public AppointmentEventsConsumer(Inbox inbox, TimelineRecorder timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    @Incoming("appointments")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = EventEnvelope.MalformedEventException.class)
    public void onRecord(String record) {
        apply(EventEnvelope.parse(record));
    }

    @Transactional
    void apply(EventEnvelope event) {
        if (inbox.firstDelivery(event, "issuance-appointments")) {
            timeline.record(event);
        }
    }
}
