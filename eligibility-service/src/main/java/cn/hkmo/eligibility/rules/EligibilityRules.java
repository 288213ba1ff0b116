package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.city.IndividualVisitCities;
import cn.hkmo.eligibility.rules.city.TalentPilotAreas;
import cn.hkmo.eligibility.rules.city.TourismScheme;
import cn.hkmo.eligibility.rules.delegation.Attendance;
import cn.hkmo.eligibility.rules.delegation.DelegationRules;
import cn.hkmo.eligibility.rules.delegation.Fingerprints;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.EndorsementDecision;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;
import cn.hkmo.eligibility.rules.endorsement.EndorsementRules;
import cn.hkmo.eligibility.rules.endorsement.FaceLanes;
import cn.hkmo.eligibility.rules.endorsement.Verdict;
import cn.hkmo.eligibility.rules.familyvisit.Accompanying;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingDecision;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingRelation;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisitMatrix;
import cn.hkmo.eligibility.rules.materials.MaterialsChecklist;
import cn.hkmo.eligibility.rules.materials.MaterialsRules;
import cn.hkmo.eligibility.rules.office.OfficeRules;
import cn.hkmo.eligibility.rules.office.WhereToApply;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitDecision;
import cn.hkmo.eligibility.rules.permit.PermitRules;
import cn.hkmo.eligibility.rules.processing.ProcessingRules;
import cn.hkmo.eligibility.rules.processing.ProcessingTime;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules engine: answers an {@link AssessmentRequest} with an {@link Assessment}, using the rules in
 * force on the application date. Plain Java; the service makes it a bean with the configuration.
 */
public final class EligibilityRules {

    private final EligibilityRulesConfig config;
    private final IndividualVisitCities cities;
    private final EndorsementRules endorsements;
    private final PermitRules permits;
    private final OfficeRules offices;
    private final DelegationRules delegation = new DelegationRules();
    private final MaterialsRules materials = new MaterialsRules();
    private final ProcessingRules processing = new ProcessingRules();

    public EligibilityRules(EligibilityRulesConfig config) {
        this.config = config;
        TalentPilotAreas areas = new TalentPilotAreas();
        this.cities = new IndividualVisitCities(config.includeUnconfirmedCities());
        this.endorsements = new EndorsementRules(config, cities, areas);
        this.permits = new PermitRules(config);
        this.offices = new OfficeRules(config, areas);
    }

    public EligibilityRulesConfig config() {
        return config;
    }

    public IndividualVisitCities cities() {
        return cities;
    }

    public EndorsementRules endorsementRules() {
        return endorsements;
    }

    public PermitRules permitRules() {
        return permits;
    }

    /**
     * @throws InvalidRequestException listing every defect, when the request cannot be assessed
     */
    public Assessment assess(AssessmentRequest request) {
        RequestValidation.check(request, permits);
        Applicant applicant = request.applicant();
        LocalDate date = request.applicationDate();
        int age = applicant.ageOn(date);

        List<Verdict> verdicts = new ArrayList<>();
        List<EndorsementOption> requestedOptions = new ArrayList<>();
        for (EndorsementApplication application : request.endorsements()) {
            Verdict verdict = endorsements.verdict(application, applicant, date);
            verdicts.add(verdict);
            requestedOptions.addAll(verdict.options());
        }
        PermitDecision permit = permits.decide(request.category(), applicant.currentPermit(), request.renewalReasons(),
                age, date, requestedOptions, !request.endorsements().isEmpty());
        CurrentPermit toEndorse = request.category() == ApplicationCategory.ENDORSEMENT_ONLY ? applicant.currentPermit() : null;

        List<EndorsementDecision> decisions = new ArrayList<>();
        List<EndorsementApplication> allowed = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            EndorsementApplication application = request.endorsements().get(i);
            EndorsementDecision decision = endorsements.decide(application, verdicts.get(i), age, date, toEndorse, permits);
            decisions.add(decision);
            if (decision.allowed()) {
                allowed.add(application);
            }
        }

        Region office = request.office() == null ? null : request.office().region();
        Attendance attendance = delegation.decide(request.category(), request.endorsements(), age,
                request.applicantInHkMacao(), office,
                request.office() == null ? null : request.office().issuedPermitOrLastEndorsement(),
                request.submitter(), date);
        boolean byResidencePermit = allowed.stream().anyMatch(a -> a.type() == EndorsementType.G)
                && cities.cityOf(applicant.hukou().region(), date).isEmpty();
        MaterialsChecklist checklist = materials.checklist(request.category(), age, applicant.publicRole(), allowed,
                request.escort(), request.submitter(), request.selfServiceClearance(), byResidencePermit);
        WhereToApply where = offices.whereToApply(applicant, request.category(), allowed, endorsements.tours(), date);
        String officeProvince = office != null ? office.province() : applicant.hukou().region().province();
        Fingerprints.Decision fingerprints = Fingerprints.decide(request.category(), age, applicant.fingerprintProvince(), officeProvince);
        ProcessingTime time = processing.processing(office == null ? null : offices.hukouLocal(applicant, office),
                request.urgentReason());

        List<AccompanyingDecision> companions = new ArrayList<>();
        for (Accompanying person : request.accompanying()) {
            companions.add(accompanying(person, decisions, date));
        }
        return new Assessment(date, age, permit, decisions, companions, checklist, attendance, fingerprints, where,
                office == null ? null : where.accepts(office), time);
    }

    private AccompanyingDecision accompanying(Accompanying person, List<EndorsementDecision> decisions, LocalDate date) {
        int age = Period.between(person.birthDate(), date).getYears();
        List<Reason> refusals = new ArrayList<>();
        if (person.relation() == AccompanyingRelation.CHILD && age >= 18) {
            refusals.add(new Reason("ACCOMPANYING_CHILD_NOT_MINOR", FamilyVisitMatrix.ACCOMPANYING,
                    "Only children under 18 may apply together with the main applicant; this child is " + age + "."));
        }
        List<EndorsementDecision> same = new ArrayList<>();
        for (EndorsementDecision main : decisions) {
            if (main.type() != EndorsementType.T || !main.allowed()) {
                continue;
            }
            List<EndorsementOption> options = main.options().stream()
                    .map(option -> option.checked(false, FaceLanes.eligible(main.type(), option.entries(), age, date)))
                    .toList();
            same.add(new EndorsementDecision(main.destination(), main.type(), main.letter(), List.of(), options,
                    List.of(FamilyVisitMatrix.ACCOMPANYING)));
        }
        Integer validity = person.holdsValidPermit() ? null : permits.validityYears(age);
        return new AccompanyingDecision(person.relation(), age, refusals, same, validity,
                materials.accompanyingChecklist(person.relation(), age, person.holdsValidPermit()));
    }

    /**
     * Whether an option may be issued at an office: a city scheme only by the offices of its city
     * (docs/domain.md#r-city-schemes), anything else wherever the item is accepted.
     */
    public static boolean optionAvailableAt(EndorsementOption option, Region office) {
        if (option.scheme() == null) {
            return true;
        }
        for (TourismScheme scheme : TourismScheme.values()) {
            if (scheme.code().equals(option.scheme())) {
                return scheme.city().equals(office.city());
            }
        }
        return false;
    }
}
