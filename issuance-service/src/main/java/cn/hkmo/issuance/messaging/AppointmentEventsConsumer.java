package cn.hkmo.issuance.messaging;

import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code appointments}: booked, rescheduled, cancelled, checked in, missed — the start of the citizen's timeline. */
@ApplicationScoped
public class AppointmentEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    public AppointmentEventsConsumer(Inbox inbox, TimelineRecorder timeline) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create().onEvery(timeline::record);
    }

    @Incoming("appointments")
    @Blocking
    public void onRecord(String record) {
        inbox.deliver(record, "issuance-appointments", handlers::handle);
    }
}
