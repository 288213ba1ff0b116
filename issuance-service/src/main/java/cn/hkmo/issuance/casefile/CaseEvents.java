package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.issuance.CaseOpened;
import cn.hkmo.contracts.issuance.CollectionDeadlineNear;
import cn.hkmo.contracts.issuance.DeadlineChanged;
import cn.hkmo.contracts.issuance.DecisionApproved;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitCollected;
import cn.hkmo.contracts.issuance.PermitDelivered;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;

/**
 * Publishes the events a case causes on the {@code issuance} topic (key = application number) through
 * the outbox, and puts each on the timeline, both in the caller's transaction.
 */
@ApplicationScoped
public class CaseEvents {

    private static final Map<Class<?>, String> TYPES = Map.of(
            CaseOpened.class, CaseOpened.TYPE,
            DeadlineChanged.class, DeadlineChanged.TYPE,
            DecisionApproved.class, DecisionApproved.TYPE,
            DecisionRefused.class, DecisionRefused.TYPE,
            PermitIssued.class, PermitIssued.TYPE,
            PermitDispatched.class, PermitDispatched.TYPE,
            PermitDelivered.class, PermitDelivered.TYPE,
            PermitCollected.class, PermitCollected.TYPE,
            CollectionDeadlineNear.class, CollectionDeadlineNear.TYPE);

    private final Outbox outbox;
    private final TimelineRecorder timeline;

    public CaseEvents(Outbox outbox, TimelineRecorder timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String applicationNo, Object payload) {
        String type = TYPES.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not an issuance event: " + payload.getClass().getName());
        }
        EventEnvelope envelope = outbox.publish(Topics.ISSUANCE, applicationNo, type, payload);
        timeline.record(envelope);
    }
}
