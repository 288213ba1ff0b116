package cn.hkmo.eligibility.rules.permit;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;

import java.util.List;

/**
 * The answer about the permit itself.
 *
 * @param newPermit       a new card is issued (anything but ENDORSEMENT_ONLY)
 * @param validityYears   validity of the new card (5 under 16, 10 from 16), null if none is issued
 * @param renewalRequired the current permit must be renewed before (or with) the endorsements
 * @param refusals        why the category as asked cannot be accepted
 * @param notes           rules that shaped the answer
 */
public record PermitDecision(
        ApplicationCategory category,
        boolean newPermit,
        Integer validityYears,
        boolean renewalRequired,
        List<Reason> refusals,
        List<RuleRef> notes) {

    @JsonProperty
    public boolean allowed() {
        return refusals.isEmpty();
    }
}
