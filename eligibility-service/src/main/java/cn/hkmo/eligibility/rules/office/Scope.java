package cn.hkmo.eligibility.rules.office;

import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.RuleRef;

import java.util.Set;

/**
 * Where one item may be applied for.
 *
 * @param item   "PERMIT", "HK-G", ...
 * @param cities GB/T 2260 city codes for the city-bound kinds; empty otherwise
 */
public record Scope(String item, ScopeKind kind, Set<String> cities, RuleRef rule) {

    public boolean accepts(Region office) {
        return switch (kind) {
            case NATIONWIDE, UNIT_STATION -> true;
            case HUKOU_CITY, CITIES, WORK_CITY, GBA_CITIES -> cities.contains(office.city());
        };
    }
}
