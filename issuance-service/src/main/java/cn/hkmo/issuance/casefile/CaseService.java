package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/** The citizen's changes to their case: how the permit reaches them, until it is dispatched or collected. */
@ApplicationScoped
@Transactional
public class CaseService {

    private final CaseStore store;
    private final CaseProgress progress;
    private final PersonalData personalData;
    private final CaseViews views;
    private final Clock clock;

    public CaseService(CaseStore store, CaseProgress progress, PersonalData personalData, CaseViews views, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.personalData = personalData;
        this.views = views;
        this.clock = clock;
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
