package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.Timeline;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import cn.hkmo.contracts.common.Entries;

import static cn.hkmo.contracts.common.Entries.MULTIPLE;
import static cn.hkmo.contracts.common.Entries.SINGLE;
import static cn.hkmo.contracts.common.StayRule.PER_VISIT;

/** Business (S) endorsement terms: filed staff, not filed, individual businesses, drivers (docs/domain.md#r-endorsement-types). */
public final class BusinessRules {

    public static final RuleRef FILED_STAFF = RuleRef.secondary("S.FILED_STAFF", "[FAQ2 Q36] [SBIZ]",
            "已备案企业机构人员: 3个月一次、3个月多次或1年多次");
    public static final RuleRef NOT_FILED = RuleRef.secondary("S.NOT_FILED", "[SBIZ]",
            "未备案企业机构人员及个体工商户经营者: 3个月一次");
    public static final RuleRef DRIVERS = RuleRef.secondary("S.DRIVERS", "[SBIZ]",
            "粤港澳直通车辆驾驶员: 3个月多次或1年多次");
    public static final RuleRef SOCIAL_INSURANCE = RuleRef.official("S.SOCIAL_INSURANCE", "[FAQ2 Q36]",
            "申请多次商务签注的, 须连续6个月以上缴纳社会保险");
    public static final RuleRef STAY_7 = RuleRef.secondary("S.STAY_7", "[SBIZ]", "商务签注每次逗留不超过7天 (2024-05-06前)");
    public static final RuleRef STAY_14 = RuleRef.official("S.STAY_14", "[S14]", "自2024-05-06起商务签注每次逗留不超过14天");

    public static final LocalDate STAY_14_FROM = LocalDate.of(2024, 5, 6);
    private static final Timeline<Integer> STAY = Timeline.of(
            Timeline.always(7, STAY_7),
            Timeline.since(STAY_14_FROM, 14, STAY_14));

    public Verdict verdict(Business business, LocalDate date) {
        Timeline.Entry<Integer> stay = STAY.on(date).orElseThrow();
        int days = stay.value();
        List<RuleRef> notes = new ArrayList<>(List.of(stay.rule()));
        List<EndorsementOption> options = new ArrayList<>();
        switch (business.role()) {
            case ENTERPRISE_STAFF -> {
                if (!business.enterpriseFiled()) {
                    options.add(option(Period.ofMonths(3), SINGLE, days, NOT_FILED));
                } else {
                    options.add(option(Period.ofMonths(3), SINGLE, days, FILED_STAFF));
                    Integer months = business.socialInsuranceMonths();
                    notes.add(SOCIAL_INSURANCE);
                    if (months == null || months >= 6) {
                        options.add(option(Period.ofMonths(3), MULTIPLE, days, FILED_STAFF));
                        options.add(option(Period.ofYears(1), MULTIPLE, days, FILED_STAFF));
                    }
                }
            }
            case INDIVIDUAL_BUSINESS -> options.add(option(Period.ofMonths(3), SINGLE, days, NOT_FILED));
            case VEHICLE_DRIVER -> {
                options.add(option(Period.ofMonths(3), MULTIPLE, days, DRIVERS));
                options.add(option(Period.ofYears(1), MULTIPLE, days, DRIVERS));
            }
        }
        return Verdict.allowed(options, notes);
    }

    private static EndorsementOption option(Period validity, Entries entries, int days, RuleRef rule) {
        return EndorsementOption.of(validity, entries, days, PER_VISIT, rule);
    }
}
