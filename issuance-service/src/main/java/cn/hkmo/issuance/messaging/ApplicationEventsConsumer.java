package cn.hkmo.issuance.messaging;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.issuance.casefile.CaseService;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code applications}: an acceptance opens a case; every intake outcome is a timeline step. */
@ApplicationScoped
public class ApplicationEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    public ApplicationEventsConsumer(Inbox inbox, CaseService cases, TimelineRecorder timeline) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .onEvery(timeline::record)
                .on(ApplicationAccepted.class, cases::accepted);
    }

    @Incoming("applications")
    @Blocking
    public void onRecord(String record) {
        inbox.deliver(record, "issuance-applications", handlers::handle);
    }
}
