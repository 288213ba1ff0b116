package cn.hkmo.eligibility.rules.materials;

import cn.hkmo.contracts.common.Destination;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import cn.hkmo.eligibility.rules.RuleRef;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One document to bring.
 *
 * @param code      stable, e.g. {@code KINSHIP_PROOF}
 * @param qualifier distinguishes several of the same code (the relationship, the destination), null if one
 * @param accepted  the documents that each satisfy the item (any one), empty if just the item itself
 * @param forItem   what it is for: {@code COMMON}, {@code PERMIT}, {@code HK-T}, {@code UNDER_16}, ...
 */
public record MaterialItem(
        String code,
        String qualifier,
        String nameZh,
        String nameEn,
        Form form,
        Party party,
        List<String> accepted,
        String forItem,
        RuleRef rule) {

    /** What the counter records as presented: {@code KINSHIP_PROOF:SPOUSE}. */
    @JsonProperty
    public String key() {
        return qualifier == null ? code : code + ":" + qualifier;
    }

    /** The region of the endorsement the item is for ({@code HK-T} → HK); empty for the application as a whole. */
    @JsonIgnore
    public Optional<Destination> region() {
        return Arrays.stream(Destination.values()).filter(d -> forItem != null && forItem.startsWith(d.name() + "-")).findFirst();
    }
}
