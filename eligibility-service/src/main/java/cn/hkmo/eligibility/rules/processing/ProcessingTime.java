package cn.hkmo.eligibility.rules.processing;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.eligibility.rules.RuleRef;

import java.util.List;

/**
 * The statutory time limit that will apply, so the citizen knows what to expect.
 *
 * @param hukouLocal    the office is in the hukou city; null when no office was given (both limits shown)
 * @param days          the limit for this office: 7 working days (hukou) or 20 calendar days (elsewhere); null if unknown
 * @param workingDays   whether {@code days} counts working days
 * @param urgent        the urgent reason, if any: priority handling, no fixed days
 */
public record ProcessingTime(Boolean hukouLocal, Integer days, Boolean workingDays, UrgentReason urgent, List<RuleRef> rules) {

    @JsonProperty
    public boolean priority() {
        return urgent != null;
    }
}
