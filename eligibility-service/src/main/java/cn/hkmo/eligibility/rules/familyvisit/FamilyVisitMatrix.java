package cn.hkmo.eligibility.rules.familyvisit;

import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;
import cn.hkmo.eligibility.rules.endorsement.Verdict;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static cn.hkmo.contracts.common.Entries.MULTIPLE;
import static cn.hkmo.contracts.common.Entries.SINGLE;
import static cn.hkmo.contracts.common.StayRule.FROM_FIRST_ENTRY;
import static cn.hkmo.contracts.common.StayRule.PER_VISIT;

/** Validity, entries and stay of a family-visit (T) endorsement by relationship and age (docs/domain.md#r-t-matrix, #r-t-special). */
public final class FamilyVisitMatrix {

    public static final RuleRef SPOUSE = RuleRef.official("T.SPOUSE", "[FAQ2 Q60]",
            "探望配偶: 3个月多次, 自首次进入之日起逗留不超过90天");
    public static final RuleRef PARENTS = RuleRef.secondary("T.PARENTS", "[TMAT] [FA55]",
            "探望父母: 3个月多次, 自首次进入之日起逗留不超过90天");
    public static final RuleRef PARENTS_IN_LAW = RuleRef.secondary("T.PARENTS_IN_LAW", "[TMAT] [FA55]",
            "探望配偶的父母: 3个月多次, 自首次进入之日起逗留不超过90天");
    public static final RuleRef CHILDREN = RuleRef.secondary("T.CHILDREN", "[TMAT] [FA55]",
            "探望子女: 3个月多次, 自首次进入之日起逗留不超过90天");
    public static final RuleRef CHILDREN_SPOUSES = RuleRef.secondary("T.CHILDREN_SPOUSES", "[TMAT] [FA55]",
            "探望子女的配偶: 3个月多次, 自首次进入之日起逗留不超过90天");
    public static final RuleRef SIBLINGS = RuleRef.official("T.SIBLINGS", "[FAQ2 Q57]",
            "探望兄弟姐妹: 3个月一次, 逗留不超过14天");
    public static final RuleRef GRANDPARENTS = RuleRef.official("T.GRANDPARENTS", "[FAQ2 Q58]",
            "探望(外)祖父母: 3个月一次, 逗留不超过14天");
    public static final RuleRef GRANDCHILDREN = RuleRef.official("T.GRANDCHILDREN", "[FAQ2 Q59]",
            "探望(外)孙子女: 3个月一次, 逗留不超过14天");
    public static final RuleRef AGED_60 = RuleRef.official("T.AGED_60", "[FAQ2 Q60] [FA55] [BEIER]",
            "60周岁(含)以上探望子女(含子女的配偶)、配偶或父母(含配偶的父母): 可签1年多次, 每次逗留不超过90天");
    public static final RuleRef AGE_REFERENCE = RuleRef.unconfirmed("T.AGE_REFERENCE", "[FA55] [BEIER]",
            "60周岁按哪一天计算未见明文; 默认按申请日 (hkmo.eligibility.rules.age-reference)");
    public static final RuleRef SPOUSE_WITH_MINOR_CHILD = RuleRef.secondary("T.SPOUSE_MINOR_CHILD", "[TMAT] [BEIER]",
            "探望在港澳定居且与申请人育有未满18周岁子女的配偶: 1年多次, 每次逗留不超过90天");
    public static final RuleRef SPECIAL_HARDSHIP = RuleRef.secondary("T.SPECIAL_HARDSHIP", "[TMAT]",
            "特殊家庭困难: 1年多次, 每次逗留不超过90天, 须经省级出入境管理部门批准");
    public static final RuleRef NOT_ELIGIBLE = RuleRef.official("T.NOT_ELIGIBLE", "[COND] [LOW: BEIER]",
            "探亲签注仅限配偶、父母、配偶的父母、子女、子女的配偶、兄弟姐妹、(外)祖父母、(外)孙子女; 兄弟姐妹不含堂表亲; 其他事由可申请其他(Q)签注");
    public static final RuleRef ACCOMPANYING = RuleRef.official("T.ACCOMPANYING", "[FAQ1 Q6] [COND] [TMAT]",
            "主申请人的配偶及未满18周岁子女可随同申请, 须同时申请, 签发相同的有效期和往返次数");
    public static final RuleRef RELATIVE_STATUS = RuleRef.official("T.RELATIVE_STATUS", "[FAQ2 Q33]",
            "亲属在港澳定居、长期居住、就业、就学均可申请; 仅所交证明不同");

    private static final Period THREE_MONTHS = Period.ofMonths(3);
    private static final Period ONE_YEAR = Period.ofYears(1);

    /**
     * @param ageForRule the applicant's age for the 60+ rule, counted as configured
     */
    public Verdict options(FamilyVisit visit, int ageForRule) {
        List<RuleRef> notes = new ArrayList<>(List.of(RELATIVE_STATUS));
        RuleRef base = baseRule(visit.relationship());
        if (base == null) {
            return Verdict.refused(new Reason("RELATIVE_NOT_ELIGIBLE", NOT_ELIGIBLE,
                    "A " + visit.relationship() + " relationship does not qualify for a family-visit endorsement; "
                            + "another reason may fit the Q endorsement."), notes);
        }
        if (!visit.relationship().immediate()) {
            return Verdict.allowed(List.of(EndorsementOption.of(THREE_MONTHS, SINGLE, 14, PER_VISIT, base)), notes);
        }
        List<EndorsementOption> options = new ArrayList<>();
        if (ageForRule >= 60) {
            options.add(EndorsementOption.of(ONE_YEAR, MULTIPLE, 90, PER_VISIT, AGED_60));
            notes.add(AGE_REFERENCE);
        }
        if (visit.relationship() == Relationship.SPOUSE && visit.minorChildWithSpouse()
                && visit.relativeStatus() == RelativeStatus.SETTLED) {
            options.add(EndorsementOption.of(ONE_YEAR, MULTIPLE, 90, PER_VISIT, SPOUSE_WITH_MINOR_CHILD));
        }
        if (visit.specialHardship()) {
            options.add(EndorsementOption.of(ONE_YEAR, MULTIPLE, 90, PER_VISIT, SPECIAL_HARDSHIP)
                    .condition("须经省级公安机关出入境管理部门批准 (approval of the provincial exit-entry bureau)"));
        }
        options.add(EndorsementOption.of(THREE_MONTHS, MULTIPLE, 90, FROM_FIRST_ENTRY, base));
        return Verdict.allowed(options, notes);
    }

    private static RuleRef baseRule(Relationship relationship) {
        return switch (relationship) {
            case SPOUSE -> SPOUSE;
            case PARENT -> PARENTS;
            case PARENT_IN_LAW -> PARENTS_IN_LAW;
            case CHILD -> CHILDREN;
            case CHILD_SPOUSE -> CHILDREN_SPOUSES;
            case SIBLING -> SIBLINGS;
            case GRANDPARENT -> GRANDPARENTS;
            case GRANDCHILD -> GRANDCHILDREN;
            case COUSIN, SIBLING_SPOUSE, UNCLE_OR_AUNT, OTHER -> null;
        };
    }
}
