package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.city.TalentPilotAreas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.hkmo.contracts.common.Entries.MULTIPLE;
import static cn.hkmo.contracts.common.StayRule.PER_VISIT;

/** Talent endorsement terms by category and pilot area (docs/domain.md#r-endorsement-types, #r-offices, #r-timeline). */
public final class TalentRules {

    public static final RuleRef VALIDITY = RuleRef.official("TALENT.VALIDITY", "[R23] [R24] [R25]",
            "人才签注多次有效: 杰出人才5年; 科研、文教、卫健人才3年; 法律及其他人才1年; 每次逗留不超过30天");
    public static final RuleRef HETAO = RuleRef.official("TALENT.HETAO", "[HETAO] [R25]",
            "河套深港科技创新合作区深圳园区工作人员: 3年人才签注, 无需人才证明; 自2025-11-05");
    public static final RuleRef NOT_IN_PILOT = RuleRef.official("TALENT.PILOT_AREA", "[R23] [R24] [R25]",
            "人才签注仅限在试点地区工作的人才");

    public static final LocalDate HETAO_FROM = LocalDate.of(2025, 11, 5);
    private static final String HETAO_CITY = "440300";

    private final TalentPilotAreas areas;
    private final RuleRef letter;

    public TalentRules(TalentPilotAreas areas, String talentLetter) {
        this.areas = areas;
        this.letter = RuleRef.unconfirmed("TALENT.LETTER", "docs/domain.md#r-endorsement-types",
                "人才签注的字母标识未见官方来源; 当前配置为 \"" + talentLetter + "\" (hkmo.eligibility.rules.talent-letter)");
    }

    public Verdict verdict(Talent talent, LocalDate date) {
        List<RuleRef> notes = new ArrayList<>(List.of(letter));
        Region work = new Region(talent.workRegion());
        if (talent.category() == TalentCategory.HETAO_SHENZHEN_PARK) {
            if (date.isBefore(HETAO_FROM) || !work.city().equals(HETAO_CITY)) {
                return Verdict.refused(new Reason("TALENT_NOT_IN_PILOT_AREA", HETAO,
                        "The Hetao Shenzhen Park talent endorsement is for work in Shenzhen from " + HETAO_FROM + "."), notes);
            }
            return Verdict.allowed(List.of(option(talent.category(), HETAO)), notes);
        }
        RuleRef pilot = areas.coveringRule(work, talent.freeTradeZone(), date);
        if (pilot == null) {
            return Verdict.refused(new Reason("TALENT_NOT_IN_PILOT_AREA", NOT_IN_PILOT,
                    "Work at " + work.code() + " is not in a talent pilot area on " + date + "."), notes);
        }
        notes.add(pilot);
        return Verdict.allowed(List.of(option(talent.category(), VALIDITY)), notes);
    }

    private static EndorsementOption option(TalentCategory category, RuleRef rule) {
        return EndorsementOption.of(category.validity(), MULTIPLE, 30, PER_VISIT, rule);
    }
}
