package cn.hkmo.issuance.casefile;

import cn.hkmo.kit.problem.RequestLanguage;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds {@link CaseView}s: personal data opened and masked, wording in the request's language. */
@ApplicationScoped
public class CaseViews {

    private final PersonalData personalData;
    private final RequestLanguage language;

    public CaseViews(PersonalData personalData, RequestLanguage language) {
        this.personalData = personalData;
        this.language = language;
    }

    public CaseView of(CaseFile c) {
        return CaseView.of(c, personalData, c.deadlineProvisional() ? language.text("deadline.provisional.note") : null);
    }
}
