package cn.hkmo.issuance.casefile;

import cn.hkmo.kit.problem.RequestLanguage;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds {@link CaseView}s: personal data masked, wording in the request's language. */
@ApplicationScoped
public class CaseViews {

    private final RequestLanguage language;

    public CaseViews(RequestLanguage language) {
        this.language = language;
    }

    public CaseView of(CaseFile c) {
        return CaseView.of(c, c.deadlineProvisional() ? language.text("deadline.provisional.note") : null);
    }
}
