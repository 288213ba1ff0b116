package cn.hkmo.eligibility.rules.familyvisit;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.endorsement.EndorsementDecision;
import cn.hkmo.eligibility.rules.materials.MaterialsChecklist;

import java.util.List;

/**
 * The answer for one accompanying applicant: the same validity and entries as the main applicant's
 * family-visit endorsements, their own permit validity and materials.
 *
 * @param permitValidityYears validity of their new permit, null when they hold a valid one
 */
public record AccompanyingDecision(
        AccompanyingRelation relation,
        int age,
        List<Reason> refusals,
        List<EndorsementDecision> endorsements,
        Integer permitValidityYears,
        MaterialsChecklist materials) {

    @JsonProperty
    public boolean allowed() {
        return refusals.isEmpty();
    }
}
