package cn.hkmo.issuance.messaging;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.issuance.casefile.CaseIntake;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code applications}: an acceptance opens a case; every intake outcome is a timeline step. */
@ApplicationScoped
public class ApplicationEventsConsumer {

    private final Inbox inbox;
    private final CaseIntake intake;
    private final TimelineRecorder timeline;

    public ApplicationEventsConsumer(Inbox inbox, CaseIntake intake, TimelineRecorder timeline) {
        this.inbox = inbox;
        this.intake = intake;
        this.timeline = timeline;
    }

    @Incoming("applications")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = EventEnvelope.MalformedEventException.class)
    public void onRecord(String record) {
        apply(EventEnvelope.parse(record));
    }

    @Transactional
    void apply(EventEnvelope event) {
        if (!inbox.firstDelivery(event, "issuance-applications")) {
            return;
        }
        timeline.record(event);
        if (ApplicationAccepted.TYPE.equals(event.type())) {
            intake.accepted(event.dataAs(ApplicationAccepted.class));
        }
    }
}
