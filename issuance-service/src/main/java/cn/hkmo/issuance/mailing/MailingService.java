package cn.hkmo.issuance.mailing;

import cn.hkmo.issuance.IssuanceConfig;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.casefile.CaseEvents;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseFiles;
import cn.hkmo.issuance.casefile.TrackingStatus;
import cn.hkmo.issuance.timeline.TimelineFact;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.issuance.timeline.TimelineStep;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/** EMS mailing: the permits awaiting the courier, and the courier's dispatch, tracking and delivery updates. */
@ApplicationScoped
@Transactional
public class MailingService {

    private final CaseFiles store;
    private final CaseEvents events;
    private final TimelineRecorder timeline;
    private final Clock clock;
    private final Duration courierSkew;

    public MailingService(CaseFiles store, CaseEvents events, TimelineRecorder timeline, Clock clock, IssuanceConfig config) {
        this.store = store;
        this.events = events;
        this.timeline = timeline;
        this.clock = clock;
        this.courierSkew = config.courier().clockSkew();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MailingItem> awaitingDispatch(PageRequest paging) {
        return Page.of(paging, store.awaitingDispatch(),
                c -> new MailingItem(c.applicationNo(), c.hallId(), c.recipient(), c.mobile(), c.address(), c.issuedAt()));
    }

    public void dispatch(String applicationNo, DispatchRequest request) {
        CaseFile c = store.lockExisting(applicationNo);
        c.dispatch(request.waybillNo(), reported(request.dispatchedAt()), request.place())
                .ifPresent(e -> events.publish(applicationNo, e));
    }

    /** A scan on the way: a step of the citizen's tracking and timeline (no event: nothing else acts on a scan today). */
    public void track(String applicationNo, TrackingReport report) {
        CaseFile c = store.lockExisting(applicationNo);
        TrackingStatus status = TrackingStatus.valueOf(report.status().name());
        c.track(report.waybillNo(), status, reported(report.at()), report.place()).ifPresent(step ->
                timeline.record(new TimelineFact(null, timelineStep(report.status()), applicationNo, null, c.subject(), step.at(),
                        Map.of("waybillNo", c.waybillNo(), "place", step.place()))));
    }

    public void deliver(String applicationNo, DeliveryConfirmation request) {
        CaseFile c = store.lockExisting(applicationNo);
        c.deliver(request.waybillNo(), reported(request.deliveredAt()), request.place())
                .ifPresent(e -> events.publish(applicationNo, e));
    }

    private static TimelineStep timelineStep(TrackingReport.Scan scan) {
        return switch (scan) {
            case IN_TRANSIT -> TimelineStep.IN_TRANSIT;
            case OUT_FOR_DELIVERY -> TimelineStep.OUT_FOR_DELIVERY;
            case RETURNED -> TimelineStep.MAIL_RETURNED;
        };
    }

    /** The courier's time, now if it gave none; one ahead of the clock by more than the allowed skew is refused. */
    private OffsetDateTime reported(OffsetDateTime at) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (at == null) {
            return now;
        }
        if (at.isAfter(now.plus(courierSkew))) {
            throw new ProblemException(IssuanceError.REPORTED_TIME_IN_FUTURE, at, now, courierSkew);
        }
        return at;
    }
}
