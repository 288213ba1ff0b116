package cn.hkmo.eligibility.rules.endorsement;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.contracts.common.StayRule;
import cn.hkmo.eligibility.rules.RuleRef;

import java.time.LocalDate;
import java.time.Period;

/**
 * Terms an endorsement may be issued on: validity, entries, stay per visit, the special scheme if any.
 *
 * @param validity      ISO period counted from issue (P3M, P1Y, P5Y)
 * @param maxStayDays   longest stay (per visit, or in total from the first entry: see {@code stayRule})
 * @param scheme        special scheme code (e.g. {@code SZ_MULTI}), null for the ordinary terms
 * @param rule          the rule that grants these terms
 * @param condition     what must also hold (e.g. provincial approval), null if nothing
 * @param needsNewPermit the current permit would expire before this endorsement: renew first [FAQ2 Q48-49]
 * @param faceLane      qualifies for the "免出示证件" face lanes (docs/domain.md#r-materials)
 */
public record EndorsementOption(
        Period validity,
        Entries entries,
        int maxStayDays,
        StayRule stayRule,
        String scheme,
        RuleRef rule,
        String condition,
        boolean needsNewPermit,
        boolean faceLane) {

    public static EndorsementOption of(Period validity, Entries entries, int maxStayDays, StayRule stayRule, RuleRef rule) {
        return new EndorsementOption(validity, entries, maxStayDays, stayRule, null, rule, null, false, false);
    }

    public EndorsementOption scheme(String code) {
        return new EndorsementOption(validity, entries, maxStayDays, stayRule, code, rule, condition, needsNewPermit, faceLane);
    }

    public EndorsementOption condition(String text) {
        return new EndorsementOption(validity, entries, maxStayDays, stayRule, scheme, rule, text, needsNewPermit, faceLane);
    }

    /** The option as checked against a permit and for face lanes. */
    public EndorsementOption checked(boolean needsNewPermit, boolean faceLane) {
        return new EndorsementOption(validity, entries, maxStayDays, stayRule, scheme, rule, condition, needsNewPermit, faceLane);
    }

    /** Stable choice key at the counter: {@code P3M/MULTIPLE}, {@code P1Y/MULTIPLE/SZ_MULTI}. */
    @JsonProperty
    public String code() {
        return validity + "/" + entries + (scheme == null ? "" : "/" + scheme);
    }

    /** Last day the endorsement would be valid if issued on {@code issueDate}. */
    public LocalDate validUntil(LocalDate issueDate) {
        return issueDate.plus(validity).minusDays(1);
    }

    @JsonProperty
    public FeeBand feeBand() {
        return FeeBand.of(entries, validity);
    }

    public IssuedEndorsement toIssued(Destination destination, EndorsementType type) {
        return new IssuedEndorsement(destination, type, validity.toString(), entries, maxStayDays, stayRule, scheme);
    }
}
