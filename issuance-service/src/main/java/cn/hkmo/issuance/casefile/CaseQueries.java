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
    private final CaseViews views;

    public CaseQueries(CaseStore store, CaseViews views) {
        this.store = store;
        this.views = views;
    }

    public List<CaseView> mine(Actor citizen, Page page) {
        CaseAccess.requireConsent(citizen);
        return store.ownedBy(citizen.subject(), page).stream().map(views::of).toList();
    }

    public CaseView one(Actor actor, String applicationNo) {
        CaseFile c = CaseAccess.requireRead(actor, store.findByIdOptional(applicationNo), applicationNo,
                IssuanceError.CASE_NOT_FOUND);
        return views.of(c);
    }
}
