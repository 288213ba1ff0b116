package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.Stay;
import cn.hkmo.eligibility.rules.endorsement.StayPurpose;
import cn.hkmo.eligibility.rules.endorsement.Talent;
import cn.hkmo.eligibility.rules.endorsement.TalentCategory;
import cn.hkmo.eligibility.rules.familyvisit.Accompanying;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingRelation;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.eligibility.rules.materials.MaterialsCheck;
import cn.hkmo.eligibility.rules.materials.Presented;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitForm;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.hkmo.contracts.common.Destination.HK;
import static cn.hkmo.contracts.common.Destination.MO;
import static cn.hkmo.eligibility.rules.Fixtures.TODAY;
import static cn.hkmo.eligibility.rules.Fixtures.adult;
import static cn.hkmo.eligibility.rules.Fixtures.firstApplication;
import static cn.hkmo.eligibility.rules.Fixtures.reEndorse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Requests that cannot be assessed: every defect is reported at once, with its field and a stable code. */
class RequestValidationTest {

    private final EligibilityRules rules = Fixtures.rules();

    private List<Tuple> violations(AssessmentRequest request) {
        try {
            rules.assess(request);
        } catch (InvalidRequestException e) {
            return e.violations().stream().map(v -> tuple(v.field(), v.code())).toList();
        }
        throw new AssertionError("expected an invalid request");
    }

    @Test
    @DisplayName("missing applicant, date and category")
    void missing() {
        assertThat(violations(new AssessmentRequest(null, null, null, null, null, null, null, null, null, null, false, false)))
                .containsExactly(tuple("applicant", "MISSING"), tuple("applicationDate", "MISSING"), tuple("category", "MISSING"));
    }

    @Test
    @DisplayName("a birth date after the application date")
    void futureBirthDate() {
        Applicant unborn = new Applicant(TODAY.plusDays(1), null, Locality.of("110105"), null, PublicRole.NONE, null, null);
        assertThat(violations(firstApplication(unborn, TODAY).build())).containsExactly(tuple("applicant.birthDate", "BIRTH_DATE_IN_FUTURE"));
    }

    @Test
    @DisplayName("details that do not belong to the type, and details missing for it")
    void details() {
        EndorsementApplication mixed = new EndorsementApplication(HK, EndorsementType.L,
                FamilyVisit.of(Relationship.PARENT, RelativeStatus.SETTLED), null, null, null, null);
        EndorsementApplication bare = new EndorsementApplication(HK, EndorsementType.T, null, null, null, null, null);
        assertThat(violations(reEndorse(adult("110105"), TODAY).endorsement(mixed).endorsement(EndorsementApplication.groupTour(MO)).build()))
                .containsExactly(tuple("endorsements[0].familyVisit", "IMPOSSIBLE_COMBINATION"));
        assertThat(violations(reEndorse(adult("110105"), TODAY).endorsement(bare).build()))
                .containsExactly(tuple("endorsements[0].familyVisit", "MISSING"));
    }

    @Test
    @DisplayName("impossible combinations: HK-only stay purpose for Macao, minor child with a non-spouse, duplicates")
    void impossible() {
        AssessmentRequest request = reEndorse(adult("110105"), TODAY)
                .endorsement(EndorsementApplication.stay(MO, new Stay(StayPurpose.DEPENDANT, TODAY.plusYears(1), false, false)))
                .endorsement(EndorsementApplication.familyVisit(HK,
                        new FamilyVisit(Relationship.PARENT, RelativeStatus.SETTLED, false, true, false, false)))
                .endorsement(EndorsementApplication.groupTour(HK))
                .endorsement(EndorsementApplication.groupTour(HK))
                .build();
        assertThat(violations(request)).containsExactly(
                tuple("endorsements[0].stay.purpose", "IMPOSSIBLE_COMBINATION"),
                tuple("endorsements[1].familyVisit.minorChildWithSpouse", "IMPOSSIBLE_COMBINATION"),
                tuple("endorsements[3]", "DUPLICATE_ENDORSEMENT"));
    }

    @Test
    @DisplayName("accompanying applicants without a family visit; escort for an adult; no endorsement to endorse")
    void structure() {
        AssessmentRequest request = firstApplication(adult("110105"), TODAY).escort(Escort.GUARDIAN)
                .endorsement(EndorsementApplication.groupTour(HK))
                .accompanying(new Accompanying(AccompanyingRelation.CHILD, TODAY.plusDays(3), false)).build();
        assertThat(violations(request)).containsExactly(
                tuple("accompanying[0].birthDate", "BIRTH_DATE_IN_FUTURE"),
                tuple("accompanying", "IMPOSSIBLE_COMBINATION"),
                tuple("escort", "IMPOSSIBLE_COMBINATION"));
        assertThat(violations(AssessmentRequest.builder(Fixtures.withPermit(adult("110105"), TODAY.plusYears(2)), TODAY,
                ApplicationCategory.ENDORSEMENT_ONLY).build())).containsExactly(tuple("endorsements", "MISSING"));
    }

    @Test
    @DisplayName("malformed permit number and regions")
    void formats() {
        Applicant applicant = new Applicant(LocalDate.of(1990, 1, 1), null, Locality.of("110105"), null, PublicRole.NONE,
                new CurrentPermit("G1234", PermitForm.CARD, TODAY.plusYears(1)), "810000");
        AssessmentRequest request = AssessmentRequest.builder(applicant, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                .endorsement(EndorsementApplication.talent(HK, new Talent(TalentCategory.LEGAL, "81000", false))).build();
        assertThat(violations(request)).containsExactly(
                tuple("applicant.fingerprintProvince", "INVALID_REGION"),
                tuple("applicant.currentPermit.number", "INVALID_PERMIT_NUMBER"),
                tuple("endorsements[0].talent.workRegion", "INVALID_REGION"));
        assertThatThrownBy(() -> Locality.of("820000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a presented material that is not on the checklist is refused, not ignored")
    void unknownMaterial() {
        Assessment assessment = rules.assess(reEndorse(adult("110105"), TODAY).endorsement(EndorsementApplication.groupTour(HK)).build());
        assertThatThrownBy(() -> MaterialsCheck.deficiencies(assessment.materials(), List.of(new Presented("PASSPORT", true, null))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code).containsExactly(tuple("materials[0].key", "UNKNOWN_MATERIAL")));
    }
}
