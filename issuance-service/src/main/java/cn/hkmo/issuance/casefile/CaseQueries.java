package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reading cases, for their citizen and the staff. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseQueries {

    private final CaseFiles store;
    private final CaseViews views;

    public CaseQueries(CaseFiles store, CaseViews views) {
        this.store = store;
        this.views = views;
    }

    public Page<CaseView> mine(Actor citizen, PageRequest paging) {
        CaseAccess.requireConsent(citizen);
        return Page.of(paging, store.ownedBy(citizen.subject()), views::of);
    }

    public CaseView one(Actor actor, String applicationNo) {
        CaseFile c = CaseAccess.requireRead(actor, store.findByIdOptional(applicationNo), applicationNo,
                IssuanceError.CASE_NOT_FOUND);
        return views.of(c);
    }
}
