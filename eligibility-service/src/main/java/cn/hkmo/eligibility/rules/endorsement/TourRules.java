package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.eligibility.rules.Applicant;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.city.IndividualVisitCities;
import cn.hkmo.eligibility.rules.city.IndividualVisitCity;
import cn.hkmo.eligibility.rules.city.TourismScheme;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.hkmo.contracts.common.Entries.DOUBLE;
import static cn.hkmo.contracts.common.Entries.SINGLE;
import static cn.hkmo.contracts.common.StayRule.PER_VISIT;

/** Group-tour (L) and individual-tour (G) terms, with the city schemes (docs/domain.md#r-endorsement-types, #r-g-cities, #r-city-schemes). */
public final class TourRules {

    public static final RuleRef GROUP_HK = RuleRef.secondary("L.HK", "[FAQ2 Q37] [COND] [GL]",
            "团队旅游赴港: 3个月一次、3个月二次、1年一次或1年二次; 每次逗留不超过7天");
    public static final RuleRef GROUP_MO = RuleRef.secondary("L.MO", "[FAQ2 Q37] [COND] [GL] [FA55]",
            "团队旅游赴澳: 3个月一次或1年一次; 每次逗留不超过7天");
    public static final RuleRef QINAO = RuleRef.low("L.QINAO", "[LOW: QINAO]",
            "琴澳旅游团: 经横琴口岸在澳门与横琴之间多次往返, 仍在7天逗留期内; 经其他口岸入境内地则团队旅游签注失效");
    public static final RuleRef INDIVIDUAL_HK = RuleRef.secondary("G.HK", "[FAQ2 Q38] [COND] [GL]",
            "个人旅游赴港: 3个月一次、3个月二次、1年一次或1年二次; 每次逗留不超过7天");
    public static final RuleRef INDIVIDUAL_MO = RuleRef.secondary("G.MO", "[FAQ2 Q38] [COND] [GL]",
            "个人旅游赴澳: 3个月一次或1年一次; 每次逗留不超过7天");
    public static final RuleRef INDIVIDUAL_CITIES = RuleRef.official("G.CITIES", "[COND] [GL8]",
            "个人旅游签注限个人游城市的户籍居民及居住证持有人");
    public static final RuleRef SCHEME_EXCLUSION = RuleRef.secondary("G.SCHEME_EXCLUSION", "[SZZH] [LONGZ]",
            "国家工作人员、现役军人不适用深圳、珠海、横琴赴港澳旅游特殊签注");

    public static final LocalDate QINAO_FROM = LocalDate.of(2024, 5, 6);

    private final IndividualVisitCities cities;

    public TourRules(IndividualVisitCities cities) {
        this.cities = cities;
    }

    public Verdict groupTour(Destination destination, LocalDate date) {
        if (destination == Destination.HK) {
            return Verdict.allowed(standard(GROUP_HK, true), List.of());
        }
        List<RuleRef> notes = date.isBefore(QINAO_FROM) ? List.of() : List.of(QINAO);
        return Verdict.allowed(standard(GROUP_MO, false), notes);
    }

    public Verdict individualTour(Destination destination, Applicant applicant, LocalDate date) {
        List<RuleRef> notes = new ArrayList<>();
        Optional<IndividualVisitCity> city = qualifyingCities(applicant, date).stream().findFirst();
        if (city.isEmpty()) {
            return Verdict.refused(new Reason("NOT_INDIVIDUAL_VISIT_CITY", INDIVIDUAL_CITIES,
                    "Neither the hukou nor a residence permit is in an individual-visit city on " + date + "."), notes);
        }
        notes.add(city.get().rule());
        List<EndorsementOption> options = new ArrayList<>(destination == Destination.HK
                ? standard(INDIVIDUAL_HK, true) : standard(INDIVIDUAL_MO, false));
        for (TourismScheme scheme : TourismScheme.values()) {
            if (scheme.destination() != destination || !scheme.openOn(date)
                    || !scheme.residentQualifies(applicant.hukou(), applicant.residencePermit())) {
                continue;
            }
            if (applicant.publicRole().needsUnitConsent()) {
                notes.add(SCHEME_EXCLUSION);
            } else {
                options.add(scheme.option());
            }
        }
        return Verdict.allowed(options, notes);
    }

    /** The individual-visit cities the applicant's hukou or residence permit is in, hukou first. */
    public List<IndividualVisitCity> qualifyingCities(Applicant applicant, LocalDate date) {
        List<IndividualVisitCity> found = new ArrayList<>();
        cities.cityOf(applicant.hukou().region(), date).ifPresent(found::add);
        if (applicant.residencePermit() != null) {
            cities.cityOf(applicant.residencePermit().region(), date).filter(c -> !found.contains(c)).ifPresent(found::add);
        }
        return found;
    }

    private static List<EndorsementOption> standard(RuleRef rule, boolean doubles) {
        List<EndorsementOption> options = new ArrayList<>();
        for (Period validity : List.of(Period.ofMonths(3), Period.ofYears(1))) {
            options.add(option(validity, SINGLE, rule));
            if (doubles) {
                options.add(option(validity, DOUBLE, rule));
            }
        }
        return options;
    }

    private static EndorsementOption option(Period validity, Entries entries, RuleRef rule) {
        return EndorsementOption.of(validity, entries, 7, PER_VISIT, rule);
    }
}
