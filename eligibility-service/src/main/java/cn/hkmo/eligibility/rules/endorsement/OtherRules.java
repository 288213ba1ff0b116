package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.eligibility.rules.RuleRef;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static cn.hkmo.contracts.common.Entries.DOUBLE;
import static cn.hkmo.contracts.common.Entries.MULTIPLE;
import static cn.hkmo.contracts.common.Entries.SINGLE;
import static cn.hkmo.contracts.common.StayRule.PER_VISIT;

/** Other (Q) endorsement terms (docs/domain.md#r-endorsement-types). */
public final class OtherRules {

    public static final RuleRef TERMS = RuleRef.secondary("Q.TERMS", "[FAQ2 Q40] [DQ] [QNJ]",
            "其他签注: 3个月一次或3个月二次, 每次逗留不超过14天");
    public static final RuleRef MULTIPLE_TRIPS = RuleRef.secondary("Q.MULTIPLE", "[DQ] [QNJ]",
            "确需多次往返的, 可签发3个月多次其他签注");

    public Verdict verdict(OtherPurpose purpose) {
        List<EndorsementOption> options = new ArrayList<>();
        options.add(EndorsementOption.of(Period.ofMonths(3), SINGLE, 14, PER_VISIT, TERMS));
        options.add(EndorsementOption.of(Period.ofMonths(3), DOUBLE, 14, PER_VISIT, TERMS));
        if (purpose.multipleTripsNecessary()) {
            options.add(EndorsementOption.of(Period.ofMonths(3), MULTIPLE, 14, PER_VISIT, MULTIPLE_TRIPS));
        }
        return Verdict.allowed(options, List.of());
    }
}
