package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.familyvisit.Accompanying;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Defects that make a request impossible to assess; all of them are reported at once. */
final class RequestValidation {

    private RequestValidation() {
    }

    static void check(AssessmentRequest request, PermitRules permits) {
        List<Violation> violations = new ArrayList<>();
        Applicant applicant = request.applicant();
        LocalDate date = request.applicationDate();
        required("applicant", applicant, violations);
        required("applicationDate", date, violations);
        required("category", request.category(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        applicant(applicant, date, permits, violations);
        endorsements(request, violations);
        if (!request.renewalReasons().isEmpty() && request.category() != ApplicationCategory.RENEWAL
                && request.category() != ApplicationCategory.REISSUE) {
            violations.add(new Violation("renewalReasons", "IMPOSSIBLE_COMBINATION",
                    "renewal reasons belong to a renewal or reissue, not " + request.category()));
        }
        for (int i = 0; i < request.accompanying().size(); i++) {
            Accompanying person = request.accompanying().get(i);
            String path = "accompanying[" + i + "]";
            required(path + ".relation", person.relation(), violations);
            required(path + ".birthDate", person.birthDate(), violations);
            if (person.birthDate() != null && person.birthDate().isAfter(date)) {
                violations.add(new Violation(path + ".birthDate", "BIRTH_DATE_IN_FUTURE", "birth date is after the application date"));
            }
        }
        if (!request.accompanying().isEmpty() && request.endorsements().stream().noneMatch(e -> e.type() == EndorsementType.T)) {
            violations.add(new Violation("accompanying", "IMPOSSIBLE_COMBINATION",
                    "accompanying applicants apply with a family-visit (T) endorsement only"));
        }
        if (request.escort() != null && applicant.birthDate() != null && !applicant.birthDate().isAfter(date)
                && applicant.ageOn(date) >= 16) {
            violations.add(new Violation("escort", "IMPOSSIBLE_COMBINATION", "an escort accompanies applicants under 16 only"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static void applicant(Applicant applicant, LocalDate date, PermitRules permits, List<Violation> violations) {
        if (applicant.birthDate() == null) {
            violations.add(new Violation("applicant.birthDate", "MISSING", "birth date is required"));
        } else if (applicant.birthDate().isAfter(date)) {
            violations.add(new Violation("applicant.birthDate", "BIRTH_DATE_IN_FUTURE", "birth date is after the application date"));
        }
        if (applicant.hukou() == null) {
            violations.add(new Violation("applicant.hukou", "MISSING", "hukou region is required"));
        } else if (!applicant.hukou().consistent()) {
            violations.add(new Violation("applicant.hukou.hengqin", "IMPOSSIBLE_COMBINATION", "Hengqin lies in Zhuhai (4404xx)"));
        }
        if (applicant.residencePermit() != null && !applicant.residencePermit().consistent()) {
            violations.add(new Violation("applicant.residencePermit.hengqin", "IMPOSSIBLE_COMBINATION", "Hengqin lies in Zhuhai (4404xx)"));
        }
        if (applicant.fingerprintProvince() != null && !Region.isValid(applicant.fingerprintProvince())) {
            violations.add(new Violation("applicant.fingerprintProvince", "INVALID_REGION", "must be a mainland GB/T 2260 code"));
        }
        CurrentPermit permit = applicant.currentPermit();
        if (permit != null) {
            if (!permits.validNumber(permit.number())) {
                violations.add(new Violation("applicant.currentPermit.number", "INVALID_PERMIT_NUMBER",
                        "not a permit number (card C + 8 characters, booklet W + 8 digits)"));
            }
            required("applicant.currentPermit.form", permit.form(), violations);
            required("applicant.currentPermit.expiry", permit.expiry(), violations);
        }
    }

    private static void endorsements(AssessmentRequest request, List<Violation> violations) {
        if (request.category() == ApplicationCategory.ENDORSEMENT_ONLY && request.endorsements().isEmpty()) {
            violations.add(new Violation("endorsements", "MISSING", "an endorsement-only application needs at least one endorsement"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.endorsements().size(); i++) {
            EndorsementApplication application = request.endorsements().get(i);
            String path = "endorsements[" + i + "]";
            if (application == null) {
                violations.add(new Violation(path, "MISSING", "endorsement is empty"));
                continue;
            }
            violations.addAll(application.violations(path));
            if (application.destination() != null && application.type() != null && !seen.add(application.item())) {
                violations.add(new Violation(path, "DUPLICATE_ENDORSEMENT",
                        application.item() + " is asked for twice; one endorsement of a type per destination"));
            }
        }
    }

    private static void required(String field, Object value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "MISSING", field + " is required"));
        }
    }
}
