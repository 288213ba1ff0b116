package cn.hkmo.eligibility.rules.office;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.Applicant;
import cn.hkmo.eligibility.rules.EligibilityRulesConfig;
import cn.hkmo.eligibility.rules.PublicRole;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.Timeline;
import cn.hkmo.eligibility.rules.city.TalentPilotAreas;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.TalentCategory;
import cn.hkmo.eligibility.rules.endorsement.TourRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where each item may be applied for, by the rule in force on the application date (docs/domain.md#r-offices, #r-public-roles). */
public final class OfficeRules {

    public static final RuleRef HUKOU_ONLY = RuleRef.official("OFFICE.HUKOU", "[FAQ2 Q31-32] [2018]",
            "在全国通办实施前, 向常住户口所在地出入境管理部门申请");
    public static final RuleRef PERMIT_RENEWAL_NATIONWIDE = RuleRef.official("OFFICE.PERMIT_RENEWAL_2018", "[2018]",
            "自2018-09-01起换发、补发通行证可在全国任一出入境管理部门申请");
    public static final RuleRef PERMIT_NATIONWIDE = RuleRef.official("OFFICE.PERMIT_2019", "[FAQ1 Q1] [2019]",
            "自2019-04-01起通行证各类申请全国通办, 与户籍地同等手续");
    public static final RuleRef L_NATIONWIDE = RuleRef.official("OFFICE.L", "[2018] [NIA2305] [QA2305]",
            "团队旅游签注自2018-09-01起全国通办 (2023-05-15全面恢复)");
    public static final RuleRef TDQ_NATIONWIDE = RuleRef.official("OFFICE.TDQ", "[NIA2305]",
            "自2023-05-15起探亲、逗留、其他签注全国通办");
    public static final RuleRef S_NATIONWIDE = RuleRef.official("OFFICE.S", "[S14] [ONLINE24]",
            "自2024-05-06起商务签注全国通办 (此前在户籍地或企业备案地)");
    public static final RuleRef G_CITIES = RuleRef.official("OFFICE.G", "[COND] [GL8]",
            "个人旅游签注不实行全国通办: 在个人游城市户籍地或居住证所在地申请");
    public static final RuleRef TALENT_GBA = RuleRef.official("OFFICE.TALENT_GBA", "[R23]",
            "大湾区杰出人才可在大湾区内地九市任一出入境管理部门申请; 其他五类人才在工作地申请");
    public static final RuleRef TALENT_WORK_PLACE = RuleRef.unconfirmed("OFFICE.TALENT_WORK", "[R23]",
            "大湾区以外试点地区的人才签注按工作地申请 (大湾区措辞的推断)");
    public static final RuleRef MILITARY = RuleRef.secondary("OFFICE.MILITARY", "[LONGZ]",
            "现役军人、武警在所在部队驻地出入境管理部门申请");
    public static final RuleRef STATE_EMPLOYEE = RuleRef.unconfirmed("OFFICE.STATE_EMPLOYEE", "docs/domain.md#r-public-roles",
            "登记备案的国家工作人员能否全国通办未见明文 (hkmo.eligibility.rules.state-employees-nationwide)");

    private static final Timeline<Boolean> PERMIT_FIRST = Timeline.of(
            Timeline.always(false, HUKOU_ONLY), Timeline.since(LocalDate.of(2019, 4, 1), true, PERMIT_NATIONWIDE));
    private static final Timeline<Boolean> PERMIT_RENEWAL = Timeline.of(
            Timeline.always(false, HUKOU_ONLY), Timeline.since(LocalDate.of(2018, 9, 1), true, PERMIT_RENEWAL_NATIONWIDE));
    private static final Timeline<Boolean> GROUP_TOUR = Timeline.of(
            Timeline.always(false, HUKOU_ONLY), Timeline.since(LocalDate.of(2018, 9, 1), true, L_NATIONWIDE));
    private static final Timeline<Boolean> FAMILY_STAY_OTHER = Timeline.of(
            Timeline.always(false, HUKOU_ONLY), Timeline.since(LocalDate.of(2023, 5, 15), true, TDQ_NATIONWIDE));
    private static final Timeline<Boolean> BUSINESS = Timeline.of(
            Timeline.always(false, HUKOU_ONLY), Timeline.since(LocalDate.of(2024, 5, 6), true, S_NATIONWIDE));

    private final EligibilityRulesConfig config;
    private final TalentPilotAreas areas;

    public OfficeRules(EligibilityRulesConfig config, TalentPilotAreas areas) {
        this.config = config;
        this.areas = areas;
    }

    /**
     * @param endorsements the endorsements that are allowed (refused ones need no office)
     */
    public WhereToApply whereToApply(Applicant applicant, ApplicationCategory category, List<EndorsementApplication> endorsements,
                                     TourRules tours, LocalDate date) {
        Set<String> hukouCity = Set.of(applicant.hukou().region().city());
        List<Scope> scopes = new ArrayList<>();
        if (category != ApplicationCategory.ENDORSEMENT_ONLY) {
            boolean renewal = category == ApplicationCategory.RENEWAL || category == ApplicationCategory.REISSUE;
            scopes.add(timed("PERMIT", renewal ? PERMIT_RENEWAL : PERMIT_FIRST, hukouCity, date));
        }
        for (EndorsementApplication application : endorsements) {
            String item = application.item();
            switch (application.type()) {
                case T, D, Q -> scopes.add(timed(item, FAMILY_STAY_OTHER, hukouCity, date));
                case L -> scopes.add(timed(item, GROUP_TOUR, hukouCity, date));
                case S -> scopes.add(timed(item, BUSINESS, hukouCity, date));
                case G -> {
                    Set<String> cities = new LinkedHashSet<>();
                    tours.qualifyingCities(applicant, date).forEach(city -> cities.add(city.code()));
                    scopes.add(new Scope(item, ScopeKind.CITIES, cities, G_CITIES));
                }
                case TALENT -> scopes.add(talentScope(item, application, date));
            }
        }
        if (applicant.publicRole() == PublicRole.ACTIVE_MILITARY) {
            scopes.add(new Scope("MILITARY", ScopeKind.UNIT_STATION, Set.of(), MILITARY));
        } else if (applicant.publicRole() == PublicRole.REGISTERED_STATE_EMPLOYEE) {
            scopes.add(config.stateEmployeesNationwide()
                    ? new Scope("STATE_EMPLOYEE", ScopeKind.NATIONWIDE, Set.of(), STATE_EMPLOYEE)
                    : new Scope("STATE_EMPLOYEE", ScopeKind.HUKOU_CITY, hukouCity, STATE_EMPLOYEE));
        }
        return new WhereToApply(scopes);
    }

    /** The office is in the hukou city: the statutory 7 working days apply, otherwise 20 days. */
    public boolean hukouLocal(Applicant applicant, Region office) {
        return applicant.hukou().region().sameCityAs(office);
    }

    private Scope talentScope(String item, EndorsementApplication application, LocalDate date) {
        Region work = new Region(application.talent().workRegion());
        if (application.talent().category() == TalentCategory.OUTSTANDING && areas.inGba(work)) {
            return new Scope(item, ScopeKind.GBA_CITIES, TalentPilotAreas.GBA_CITIES, TALENT_GBA);
        }
        RuleRef rule = areas.inGba(work) ? TALENT_GBA : TALENT_WORK_PLACE;
        return new Scope(item, ScopeKind.WORK_CITY, Set.of(work.city()), rule);
    }

    private static Scope timed(String item, Timeline<Boolean> nationwide, Set<String> hukouCity, LocalDate date) {
        Timeline.Entry<Boolean> entry = nationwide.on(date).orElseThrow();
        return entry.value()
                ? new Scope(item, ScopeKind.NATIONWIDE, Set.of(), entry.rule())
                : new Scope(item, ScopeKind.HUKOU_CITY, hukouCity, entry.rule());
    }
}
