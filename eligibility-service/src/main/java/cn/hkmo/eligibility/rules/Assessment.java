package cn.hkmo.eligibility.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.eligibility.rules.delegation.Attendance;
import cn.hkmo.eligibility.rules.delegation.Fingerprints;
import cn.hkmo.eligibility.rules.endorsement.EndorsementDecision;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingDecision;
import cn.hkmo.eligibility.rules.materials.MaterialsChecklist;
import cn.hkmo.eligibility.rules.office.WhereToApply;
import cn.hkmo.eligibility.rules.permit.PermitDecision;
import cn.hkmo.eligibility.rules.processing.ProcessingTime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole answer: each item allowed or why not, the options, the permit, the materials, who comes,
 * fingerprints, where to apply and the time limit.
 *
 * @param officeAccepts the given office may take every item; null when no office was given
 */
public record Assessment(
        LocalDate applicationDate,
        int age,
        PermitDecision permit,
        List<EndorsementDecision> endorsements,
        List<AccompanyingDecision> accompanying,
        MaterialsChecklist materials,
        Attendance attendance,
        Fingerprints.Decision fingerprints,
        WhereToApply whereToApply,
        Boolean officeAccepts,
        ProcessingTime processing) {

    @JsonProperty
    public boolean allowed() {
        return refusals().isEmpty();
    }

    /** Every reason something is not allowed, in the order of the items. */
    @JsonProperty
    public List<Reason> refusals() {
        List<Reason> all = new ArrayList<>(permit.refusals());
        endorsements.forEach(decision -> all.addAll(decision.refusals()));
        accompanying.forEach(decision -> all.addAll(decision.refusals()));
        all.addAll(attendance.refusals());
        return all;
    }

    public Optional<EndorsementDecision> endorsement(String item) {
        return endorsements.stream().filter(decision -> decision.item().equals(item)).findFirst();
    }
}
