package cn.hkmo.eligibility.rules.office;

import cn.hkmo.eligibility.rules.Region;

import java.util.List;

/** Where the whole application may be made: an office must accept every item. */
public record WhereToApply(List<Scope> scopes) {

    public boolean accepts(Region office) {
        return scopes.stream().allMatch(scope -> scope.accepts(office));
    }

    /** The items the office may not take: the reasons for "not accepted" (不予受理). */
    public List<Scope> refusing(Region office) {
        return scopes.stream().filter(scope -> !scope.accepts(office)).toList();
    }
}
