package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.IssuanceError;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Reading cases, for their citizen and the staff. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseQueries {

    private final CaseStore store;
    private final PersonalData personalData;

    public CaseQueries(CaseStore store, PersonalData personalData) {
        this.store = store;
        this.personalData = personalData;
    }

    public List<CaseView> mine(Actor citizen, Page page) {
        CaseAccess.requireConsent(citizen);
        return store.ownedBy(citizen.subject(), page).stream().map(c -> CaseView.of(c, personalData)).toList();
    }

    public CaseView one(Actor actor, String applicationNo) {
        CaseFile c = CaseAccess.requireRead(actor, store.findByIdOptional(applicationNo), applicationNo,
                IssuanceError.CASE_NOT_FOUND);
        return CaseView.of(c, personalData);
    }
}
