package cn.hkmo.issuance.permit;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.StayRule;

import java.time.LocalDate;

/**
 * An endorsement as printed on the card: letter, destination, validity dates, entries, stay.
 *
 * @param letter   T, S, L, G, D or Q; null for the talent endorsement, whose letter no source confirms (docs/domain.md#r-endorsement-types)
 * @param validity ISO-8601 period as decided at intake (P3M, P1Y...)
 */
public record GrantedEndorsement(Destination destination, EndorsementType type, String letter, String validity,
                                 LocalDate validFrom, LocalDate validUntil, Entries entries, int maxStayDays,
                                 StayRule stayRule, String scheme) {

    public static String letterOf(EndorsementType type) {
        return type == EndorsementType.TALENT ? null : type.name();
    }
}
