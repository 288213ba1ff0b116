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
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** EMS mailing: the citizen's delivery choice until dispatch, and the courier's dispatch and delivery updates. */
@ApplicationScoped
@Transactional
public class MailingService {

    private final CaseStore store;
    private final CaseEvents events;
    private final CaseProgress progress;
    private final PersonalData personalData;
    private final CaseViews views;
    private final Clock clock;
    private final Duration courierSkew;

    public MailingService(CaseStore store, CaseEvents events, CaseProgress progress, PersonalData personalData, CaseViews views,
                          Clock clock, IssuanceConfig config) {
        this.store = store;
        this.events = events;
        this.progress = progress;
        this.personalData = personalData;
        this.views = views;
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
        c.dispatch(request.waybillNo(), reported(request.dispatchedAt())).ifPresent(e -> events.publish(applicationNo, e));
    }

    public void deliver(String applicationNo, DeliveryConfirmation request) {
        CaseFile c = store.lockExisting(applicationNo);
        c.deliver(request.waybillNo(), reported(request.deliveredAt())).ifPresent(e -> events.publish(applicationNo, e));
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
