package cn.hkmo.issuance.mailing;

import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.issuance.IssuanceConfig;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.CaseAccess;
import cn.hkmo.issuance.casefile.CaseEvents;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseProgress;
import cn.hkmo.issuance.casefile.CaseStatus;
import cn.hkmo.issuance.casefile.CaseStore;
import cn.hkmo.issuance.casefile.CaseView;
import cn.hkmo.issuance.casefile.CaseViews;
import cn.hkmo.issuance.casefile.PersonalData;
import cn.hkmo.issuance.casefile.TrackingStatus;
import cn.hkmo.issuance.timeline.TimelineFact;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.issuance.timeline.TimelineStep;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/** EMS mailing: the citizen's delivery choice until dispatch, and the courier's dispatch and delivery updates. */
@ApplicationScoped
@Transactional
public class MailingService {

    private final CaseStore store;
    private final CaseEvents events;
    private final CaseProgress progress;
    private final PersonalData personalData;
    private final CaseViews views;
    private final TimelineRecorder timeline;
    private final Clock clock;
    private final Duration courierSkew;

    public MailingService(CaseStore store, CaseEvents events, CaseProgress progress, PersonalData personalData, CaseViews views,
                          TimelineRecorder timeline, Clock clock, IssuanceConfig config) {
        this.store = store;
        this.events = events;
        this.progress = progress;
        this.personalData = personalData;
        this.views = views;
        this.timeline = timeline;
        this.clock = clock;
        this.courierSkew = config.courier().clockSkew();
    }

    public CaseView changeDelivery(Actor citizen, String applicationNo, DeliveryChange change) {
        CaseFile c = CaseAccess.requireOwner(citizen, store.lock(applicationNo), applicationNo);
        if (change.method() == CollectionMethod.EMS && (blank(change.recipient()) || blank(change.mobile()) || blank(change.address()))) {
            throw new ProblemException(IssuanceError.EMS_ADDRESS_REQUIRED);
        }
        CaseStatus before = c.status();
        Delivery delivery = change.method() == CollectionMethod.EMS
                ? new Delivery(CollectionMethod.EMS, change.recipient(), change.mobile(), change.address())
                : new Delivery(CollectionMethod.HALL, null, null, null);
        c.changeDelivery(personalData.seal(delivery));
        if (before == CaseStatus.ISSUED && c.status() == CaseStatus.READY_FOR_COLLECTION) {
            progress.readyNotice(c, OffsetDateTime.now(clock));
        }
        return views.of(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MailingItem> awaitingDispatch(PageRequest paging) {
        return Page.of(paging, store.awaitingDispatch(),
                c -> new MailingItem(c.applicationNo(), c.hallId(), personalData.open(c.recipientSealed()),
                        personalData.open(c.mobileSealed()), personalData.open(c.addressSealed()), c.issuedAt()));
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
