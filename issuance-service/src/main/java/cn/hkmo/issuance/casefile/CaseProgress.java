package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.permit.PermitIssuer;
import cn.hkmo.issuance.timeline.TimelineFact;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.issuance.timeline.TimelineStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/** The one place issuance happens: called after every change of a case's approval or payment. */
@ApplicationScoped
public class CaseProgress {

    private final CaseFiles store;
    private final CaseEvents events;
    private final PermitIssuer issuer;
    private final TimelineRecorder timeline;
    private final Clock clock;

    public CaseProgress(CaseFiles store, CaseEvents events, PermitIssuer issuer, TimelineRecorder timeline, Clock clock) {
        this.store = store;
        this.events = events;
        this.issuer = issuer;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Issues the permit if the locked case is approved and paid (and not issued yet); otherwise nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issueIfReady(CaseFile c) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        c.issueIfReady(issuer, store::newPermitNoTaken, now).ifPresent(issued -> {
            events.publish(c.applicationNo(), issued);
            if (c.status() == CaseStatus.READY_FOR_COLLECTION) {
                readyNotice(c, now);
            }
        });
    }

    /** The ready notice (可领取通知) of a hall collection, a timeline step of its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readyNotice(CaseFile c, OffsetDateTime now) {
        timeline.record(new TimelineFact(null, TimelineStep.READY_FOR_COLLECTION, c.applicationNo(), null, c.subject(), now,
                Map.of("hallId", c.hallId())));
    }
}
