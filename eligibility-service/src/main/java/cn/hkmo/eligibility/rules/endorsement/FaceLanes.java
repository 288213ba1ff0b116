package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.eligibility.rules.RuleRef;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may use the "免出示证件" face lanes: from 14, with a multiple-entry D, T, S, talent or Q endorsement
 * (G and L are not listed), from 2024-11-20 (docs/domain.md#r-materials).
 */
public final class FaceLanes {

    public static final RuleRef RULE = RuleRef.official("CLEARANCE.FACE_LANES", "[FACE24] [FACE25]",
            "14周岁以上, 持有效通行证及多次有效的逗留、探亲、商务、人才或其他签注, 可走\"免出示证件\"通道; "
                    + "深圳湾、拱北自2024-11-20, 另12个口岸自2025-11-05");
    public static final LocalDate FROM = LocalDate.of(2024, 11, 20);
    private static final Set<EndorsementType> TYPES = EnumSet.of(
            EndorsementType.D, EndorsementType.T, EndorsementType.S, EndorsementType.TALENT, EndorsementType.Q);

    private FaceLanes() {
    }

    public static boolean eligible(EndorsementType type, Entries entries, int age, LocalDate date) {
        return !date.isBefore(FROM) && age >= 14 && entries == Entries.MULTIPLE && TYPES.contains(type);
    }
}
