package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static cn.hkmo.contracts.common.Entries.MULTIPLE;
import static cn.hkmo.contracts.common.StayRule.PER_VISIT;

/** Stay (D) endorsement terms: multiple entries for as long as HK or Macao approved (docs/domain.md#r-endorsement-types). */
public final class StayRules {

    public static final RuleRef HK = RuleRef.official("D.HK", "[FAQ2 Q39] [DQ]",
            "赴港逗留签注: 多次有效, 有效期按香港入境事务处进入许可的最长期限");
    public static final RuleRef MO_STUDY = RuleRef.official("D.MO_STUDY", "[D23] [NIA2305]",
            "赴澳就学逗留签注: 自2023-05-15起按《确认录取证明书》所载就读期限签发 (此前最长1年)");
    public static final RuleRef MO_STUDY_BEFORE_2023 = RuleRef.official("D.MO_STUDY_1Y", "[D23]",
            "2023-05-15前赴澳就学逗留签注最长1年");
    public static final RuleRef MO_WORK = RuleRef.secondary("D.MO_WORK", "[DQ]",
            "赴澳就业逗留签注: 按澳门主管部门批准的期限");
    public static final RuleRef MO_ACCOMPANY = RuleRef.secondary("D.MO_ACCOMPANY", "[DQ]",
            "赴澳随任逗留签注: 按中联办人事部证明表所载期限");
    public static final RuleRef MO_WORKER_RELATIVE = RuleRef.secondary("D.MO_WORKER_RELATIVE", "[DQ]",
            "赴澳就业人员亲属逗留签注: 按澳门批准居留的期限");
    public static final RuleRef APPROVAL_VALID = RuleRef.official("D.APPROVAL_VALID", "[FAQ2 Q39]",
            "逗留签注须凭有效的港澳批准文件; 期满续签须交验延期许可");

    public static final LocalDate MO_STUDY_PERIOD_FROM = LocalDate.of(2023, 5, 15);
    private static final String STAY_CONDITION = "逗留期限以港澳主管部门批准为准 (stay as approved by HK/Macao)";

    public Verdict verdict(Destination destination, Stay stay, LocalDate date) {
        RuleRef rule = rule(destination, stay.purpose());
        if (stay.approvedUntil().isBefore(date)) {
            return Verdict.refused(new Reason("STAY_APPROVAL_EXPIRED", APPROVAL_VALID,
                    "The HK/Macao approval ended on " + stay.approvedUntil() + ", before the application date."), List.of(rule));
        }
        LocalDate until = stay.approvedUntil();
        List<RuleRef> notes = List.of(rule);
        if (destination == Destination.MO && stay.purpose() == StayPurpose.STUDY && date.isBefore(MO_STUDY_PERIOD_FROM)
                && until.isAfter(date.plusYears(1).minusDays(1))) {
            until = date.plusYears(1).minusDays(1);
            rule = MO_STUDY_BEFORE_2023;
            notes = List.of(rule);
        }
        Period validity = Period.between(date, until.plusDays(1));
        int days = (int) ChronoUnit.DAYS.between(date, until) + 1;
        return Verdict.allowed(List.of(EndorsementOption.of(validity, MULTIPLE, days, PER_VISIT, rule).condition(STAY_CONDITION)), notes);
    }

    private static RuleRef rule(Destination destination, StayPurpose purpose) {
        if (destination == Destination.HK) {
            return HK;
        }
        return switch (purpose) {
            case STUDY -> MO_STUDY;
            case WORK -> MO_WORK;
            case ACCOMPANY_POSTING -> MO_ACCOMPANY;
            default -> MO_WORKER_RELATIVE;
        };
    }
}
