package cn.hkmo.eligibility.rules.delegation;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;

import java.util.List;

/**
 * Who must come to the counter, and who may come instead.
 *
 * @param applicantInPerson the applicant must appear in person (no delegate is possible)
 * @param delegates         the parties that may hand in the application instead (empty: in person only)
 * @param escort            an applicant under 16 comes with a guardian or a person the guardian entrusts
 * @param refusals          the submitter asked for may not hand in this application
 */
public record Attendance(
        boolean applicantInPerson,
        List<DelegateOption> delegates,
        boolean escort,
        List<Reason> refusals,
        List<RuleRef> notes) {

    @JsonProperty
    public boolean allowed() {
        return refusals.isEmpty();
    }
}
