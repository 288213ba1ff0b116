package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Publishes the events a case causes (key = application number) through the outbox, and puts each on the timeline,
 * both in the caller's transaction.
 */
@ApplicationScoped
public class CaseEvents {

    private final Outbox outbox;
    private final TimelineRecorder timeline;

    public CaseEvents(Outbox outbox, TimelineRecorder timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String applicationNo, Record payload) {
        EventEnvelope envelope = outbox.publish(applicationNo, payload);
        timeline.record(envelope);
    }
}
