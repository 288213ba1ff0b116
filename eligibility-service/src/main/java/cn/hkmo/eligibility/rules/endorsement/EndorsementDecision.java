package cn.hkmo.eligibility.rules.endorsement;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;

import java.util.List;
import java.util.Optional;

/**
 * The answer for one endorsement: allowed or why not, and the options it may be issued with.
 *
 * @param letter the letter printed on the permit (T, S, L, G, D, Q; talent as configured)
 */
public record EndorsementDecision(
        Destination destination,
        EndorsementType type,
        String letter,
        List<Reason> refusals,
        List<EndorsementOption> options,
        List<RuleRef> notes) {

    @JsonProperty
    public boolean allowed() {
        return refusals.isEmpty();
    }

    @JsonProperty
    public String item() {
        return destination + "-" + type;
    }

    public Optional<EndorsementOption> option(String code) {
        return options.stream().filter(option -> option.code().equals(code)).findFirst();
    }
}
