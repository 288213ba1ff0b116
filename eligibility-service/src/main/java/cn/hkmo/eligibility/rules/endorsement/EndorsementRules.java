package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.Applicant;
import cn.hkmo.eligibility.rules.EligibilityRulesConfig;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.city.IndividualVisitCities;
import cn.hkmo.eligibility.rules.city.TalentPilotAreas;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisitMatrix;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Answers each endorsement asked for, by type, then checks its options against the current permit. */
public final class EndorsementRules {

    public static final RuleRef SEPARATE = RuleRef.official("ENDORSEMENT.SEPARATE", "[SEEDA] [R23]",
            "赴香港和赴澳门签注分别申请、分别收费");
    public static final RuleRef LETTERS = RuleRef.secondary("ENDORSEMENT.LETTERS", "[FAQ2 Q56] [TL]",
            "签注字母: 探亲T (官方), 商务S、团队旅游L、个人旅游G、逗留D、其他Q");

    private final EligibilityRulesConfig config;
    private final FamilyVisitMatrix familyVisits = new FamilyVisitMatrix();
    private final BusinessRules business = new BusinessRules();
    private final TourRules tours;
    private final StayRules stays = new StayRules();
    private final OtherRules others = new OtherRules();
    private final TalentRules talents;

    public EndorsementRules(EligibilityRulesConfig config, IndividualVisitCities cities, TalentPilotAreas areas) {
        this.config = config;
        this.tours = new TourRules(cities);
        this.talents = new TalentRules(areas, config.talentLetter());
    }

    public TourRules tours() {
        return tours;
    }

    /** The raw verdict by type, before any permit check. */
    public Verdict verdict(EndorsementApplication application, Applicant applicant, LocalDate date) {
        return switch (application.type()) {
            case T -> familyVisits.options(application.familyVisit(), ageForFamilyRule(applicant, date));
            case S -> business.verdict(application.business(), date);
            case L -> tours.groupTour(application.destination(), date);
            case G -> tours.individualTour(application.destination(), applicant, date);
            case D -> stays.verdict(application.destination(), application.stay(), date);
            case Q -> others.verdict(application.other());
            case TALENT -> talents.verdict(application.talent(), date);
        };
    }

    /**
     * The decision with each option checked against the permit it would be printed on.
     *
     * @param permitToEndorse the current permit when only endorsements are asked for; null when a new permit comes too
     */
    public EndorsementDecision decide(EndorsementApplication application, Verdict verdict, int age, LocalDate date,
                                      CurrentPermit permitToEndorse, PermitRules permits) {
        List<EndorsementOption> options = new ArrayList<>();
        for (EndorsementOption option : verdict.options()) {
            boolean outlasts = permitToEndorse != null && permits.outlastsPermit(option, permitToEndorse, date);
            options.add(option.checked(outlasts, FaceLanes.eligible(application.type(), option.entries(), age, date)));
        }
        List<RuleRef> notes = new ArrayList<>(verdict.notes());
        if (options.stream().anyMatch(EndorsementOption::faceLane)) {
            notes.add(FaceLanes.RULE);
        }
        if (options.stream().anyMatch(EndorsementOption::needsNewPermit)) {
            notes.add(PermitRules.RENEW_FIRST);
        }
        return new EndorsementDecision(application.destination(), application.type(), letter(application.type()),
                verdict.refusals(), options, notes);
    }

    public String letter(EndorsementType type) {
        return type == EndorsementType.TALENT ? config.talentLetter() : type.name();
    }

    /** Age for the 60+ rule, on the day the configuration names (docs/domain.md#r-t-matrix, UNCONFIRMED). */
    public int ageForFamilyRule(Applicant applicant, LocalDate date) {
        return switch (config.ageReference()) {
            case APPLICATION_DATE -> applicant.ageOn(date);
            case END_OF_APPLICATION_YEAR -> applicant.ageOn(date.withDayOfYear(date.lengthOfYear()));
        };
    }
}
