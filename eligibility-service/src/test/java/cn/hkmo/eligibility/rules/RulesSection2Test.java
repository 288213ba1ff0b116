package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.EndorsementDecision;
import cn.hkmo.eligibility.rules.familyvisit.Accompanying;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingDecision;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingRelation;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisitMatrix;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.eligibility.rules.office.OfficeRules;
import cn.hkmo.eligibility.rules.office.Office;
import cn.hkmo.eligibility.rules.office.ScopeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static cn.hkmo.contracts.common.Destination.HK;
import static cn.hkmo.contracts.common.Destination.MO;
import static cn.hkmo.eligibility.rules.Fixtures.TODAY;
import static cn.hkmo.eligibility.rules.Fixtures.adult;
import static cn.hkmo.eligibility.rules.Fixtures.aged;
import static cn.hkmo.eligibility.rules.Fixtures.keys;
import static cn.hkmo.eligibility.rules.Fixtures.reEndorse;
import static cn.hkmo.eligibility.rules.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/domain.md#r-family-visit: the family-visit (T) matrix, special cases and materials by the relative's status. */
class RulesSection2Test {

    private static final String BEIJING = "110105";
    private static final String MULTI_3M = "P3M/MULTIPLE 90d FROM_FIRST_ENTRY";
    private static final String MULTI_1Y = "P1Y/MULTIPLE 90d PER_VISIT";
    private static final String SINGLE_3M = "P3M/SINGLE 14d PER_VISIT";
    private final EligibilityRules rules = Fixtures.rules();

    private EndorsementDecision decide(Applicant applicant, LocalDate date, FamilyVisit visit) {
        return rules.assess(reEndorse(applicant, date).endorsement(EndorsementApplication.familyVisit(HK, visit)).build())
                .endorsement("HK-T").orElseThrow();
    }

    @Nested
    @DisplayName("§2.1 validity, entries and stay by relationship")
    class Matrix {

        @ParameterizedTest(name = "§2.1 {0}, applicant aged {1}: {2}")
        @CsvSource(delimiter = ';', value = {
                "SPOUSE; 59; " + MULTI_3M, "SPOUSE; 60; " + MULTI_1Y + "|" + MULTI_3M,
                "PARENT; 59; " + MULTI_3M, "PARENT; 60; " + MULTI_1Y + "|" + MULTI_3M,
                "PARENT_IN_LAW; 59; " + MULTI_3M, "PARENT_IN_LAW; 60; " + MULTI_1Y + "|" + MULTI_3M,
                "CHILD; 59; " + MULTI_3M, "CHILD; 60; " + MULTI_1Y + "|" + MULTI_3M,
                "CHILD_SPOUSE; 59; " + MULTI_3M, "CHILD_SPOUSE; 60; " + MULTI_1Y + "|" + MULTI_3M,
                "SIBLING; 59; " + SINGLE_3M, "SIBLING; 60; " + SINGLE_3M,
                "GRANDPARENT; 59; " + SINGLE_3M, "GRANDPARENT; 60; " + SINGLE_3M,
                "GRANDCHILD; 59; " + SINGLE_3M, "GRANDCHILD; 60; " + SINGLE_3M,
                "CHILD; 15; " + MULTI_3M, "PARENT; 16; " + MULTI_3M, "SIBLING; 30; " + SINGLE_3M})
        @DisplayName("§2.1 each relationship at the 59/60 boundary [FAQ2 Q57-60] [TMAT] [FA55]")
        void matrix(Relationship relationship, int age, String expected) {
            Applicant applicant = age == 60 ? aged(BEIJING, 60, TODAY, true) : aged(BEIJING, age + 1, TODAY, false);
            AssessmentRequest.Builder request = reEndorse(applicant, TODAY)
                    .endorsement(EndorsementApplication.familyVisit(HK, FamilyVisit.of(relationship, RelativeStatus.SETTLED)));
            if (age < 16) {
                request.escort(Escort.GUARDIAN);
            }
            Assessment assessment = rules.assess(request.build());
            assertThat(assessment.age()).isEqualTo(age);
            assertThat(terms(assessment.endorsement("HK-T").orElseThrow())).containsExactly(expected.split("\\|"));
        }

        @ParameterizedTest(name = "§2.1 {0} is not eligible for T")
        @EnumSource(value = Relationship.class, names = {"COUSIN", "SIBLING_SPOUSE", "UNCLE_OR_AUNT", "OTHER"})
        @DisplayName("§2.1 any other relative is not eligible; Q may fit [COND] [LOW: BEIER]")
        void others(Relationship relationship) {
            EndorsementDecision decision = decide(aged(BEIJING, 70, TODAY, true), TODAY, FamilyVisit.of(relationship, RelativeStatus.SETTLED));
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.refusals()).singleElement().satisfies(reason -> {
                assertThat(reason.code()).isEqualTo("RELATIVE_NOT_ELIGIBLE");
                assertThat(reason.rule()).isEqualTo(FamilyVisitMatrix.NOT_ELIGIBLE);
            });
        }

        @Test
        @DisplayName("§2.1 60 counts on the birthday itself ((含)); the reference day is UNCONFIRMED and configurable")
        void ageReference() {
            LocalDate date = LocalDate.of(2026, 3, 2);
            Applicant turnsSixtyInDecember = Fixtures.bornOn(BEIJING, LocalDate.of(1966, 12, 1));
            FamilyVisit parent = FamilyVisit.of(Relationship.PARENT, RelativeStatus.SETTLED);
            assertThat(terms(decide(turnsSixtyInDecember, date, parent))).containsExactly(MULTI_3M);
            EligibilityRules byYear = Fixtures.rules("hkmo.eligibility.rules.age-reference", "END_OF_APPLICATION_YEAR");
            EndorsementDecision decision = byYear.assess(reEndorse(turnsSixtyInDecember, date)
                    .endorsement(EndorsementApplication.familyVisit(HK, parent)).build()).endorsement("HK-T").orElseThrow();
            assertThat(terms(decision)).containsExactly(MULTI_1Y, MULTI_3M);
            assertThat(decision.notes()).contains(FamilyVisitMatrix.AGE_REFERENCE);
        }
    }

    @Nested
    @DisplayName("§2.2 special cases")
    class SpecialCases {

        @Test
        @DisplayName("§2.2 visiting a settled spouse with a minor child: 1-year multiple, 90 days per visit [TMAT] [BEIER]")
        void spouseWithMinorChild() {
            FamilyVisit settled = new FamilyVisit(Relationship.SPOUSE, RelativeStatus.SETTLED, false, true, false, false);
            EndorsementDecision decision = decide(adult(BEIJING), TODAY, settled);
            assertThat(terms(decision)).containsExactly(MULTI_1Y, MULTI_3M);
            assertThat(decision.options().get(0).rule()).isEqualTo(FamilyVisitMatrix.SPOUSE_WITH_MINOR_CHILD);
            FamilyVisit working = new FamilyVisit(Relationship.SPOUSE, RelativeStatus.WORKING, false, true, false, false);
            assertThat(terms(decide(adult(BEIJING), TODAY, working))).containsExactly(MULTI_3M);
        }

        @Test
        @DisplayName("§2.2 special family hardship: 1-year multiple with provincial approval [TMAT]")
        void hardship() {
            FamilyVisit hardship = new FamilyVisit(Relationship.PARENT, RelativeStatus.SETTLED, false, false, true, false);
            EndorsementDecision decision = decide(adult(BEIJING), TODAY, hardship);
            assertThat(terms(decision)).containsExactly(MULTI_1Y, MULTI_3M);
            assertThat(decision.options().get(0).condition()).contains("省级");
        }

        @Test
        @DisplayName("§2.2 accompanying spouse and children under 18 get the same validity and entries [FAQ1 Q6] [COND] [TMAT]")
        void accompanying() {
            Applicant main = aged(BEIJING, 62, TODAY, true);
            Assessment assessment = rules.assess(reEndorse(main, TODAY)
                    .endorsement(EndorsementApplication.familyVisit(HK, FamilyVisit.of(Relationship.CHILD, RelativeStatus.SETTLED)))
                    .accompanying(new Accompanying(AccompanyingRelation.SPOUSE, LocalDate.of(1968, 5, 1), true))
                    .accompanying(new Accompanying(AccompanyingRelation.CHILD, TODAY.minusYears(18).plusDays(1), false))
                    .accompanying(new Accompanying(AccompanyingRelation.CHILD, TODAY.minusYears(18), false))
                    .build());
            AccompanyingDecision spouse = assessment.accompanying().get(0);
            assertThat(spouse.allowed()).isTrue();
            assertThat(terms(spouse.endorsements().get(0))).containsExactly(MULTI_1Y, MULTI_3M);
            AccompanyingDecision minor = assessment.accompanying().get(1);
            assertThat(minor.age()).isEqualTo(17);
            assertThat(minor.allowed()).isTrue();
            assertThat(terms(minor.endorsements().get(0))).containsExactly(MULTI_1Y, MULTI_3M);
            assertThat(minor.permitValidityYears()).isEqualTo(10);
            assertThat(keys(minor.materials())).contains("KINSHIP_PROOF:MAIN_APPLICANT", "PHOTO");
            AccompanyingDecision adultChild = assessment.accompanying().get(2);
            assertThat(adultChild.refusals()).extracting(Reason::code).containsExactly("ACCOMPANYING_CHILD_NOT_MINOR");
            assertThat(assessment.allowed()).isFalse();
        }

        @Test
        @DisplayName("§2.2 applicant under 16: guardian or entrusted companion, see §3.3 [FAQ2 Q41]")
        void underSixteen() {
            Assessment assessment = rules.assess(reEndorse(aged(BEIJING, 15, TODAY, true), TODAY).escort(Escort.ENTRUSTED_COMPANION)
                    .endorsement(EndorsementApplication.familyVisit(MO, FamilyVisit.of(Relationship.PARENT, RelativeStatus.WORKING))).build());
            assertThat(assessment.attendance().escort()).isTrue();
            assertThat(keys(assessment.materials())).contains("GUARDIANSHIP_PROOF", "GUARDIAN_ENTRUSTMENT_LETTER", "COMPANION_ID");
        }

        @ParameterizedTest(name = "§2.2 relative {0}: same terms, only the documents differ")
        @EnumSource(RelativeStatus.class)
        @DisplayName("§2.2 settled, long-term resident, working or studying relatives all qualify [FAQ2 Q33]")
        void relativeStatus(RelativeStatus status) {
            assertThat(terms(decide(adult(BEIJING), TODAY, FamilyVisit.of(Relationship.PARENT, status)))).containsExactly(MULTI_3M);
        }

        @Test
        @DisplayName("§2.2 repeat application to the same office: no kinship proof, except spouse and in-laws [FAQ2 Q35]")
        void repeat() {
            FamilyVisit sibling = new FamilyVisit(Relationship.SIBLING, RelativeStatus.SETTLED, false, false, false, true);
            Assessment assessment = rules.assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.familyVisit(HK, sibling)).build());
            assertThat(keys(assessment.materials())).doesNotContain("KINSHIP_PROOF:SIBLING");
            FamilyVisit childSpouse = new FamilyVisit(Relationship.CHILD_SPOUSE, RelativeStatus.SETTLED, false, false, false, true);
            Assessment inLaw = rules.assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.familyVisit(HK, childSpouse)).build());
            assertThat(keys(inLaw.materials())).contains("KINSHIP_PROOF:CHILD_SPOUSE");
        }

        @ParameterizedTest(name = "§2.2 T at a non-hukou office on {0}: {1}")
        @CsvSource({"2023-05-14, HUKOU_CITY", "2023-05-15, NATIONWIDE"})
        @DisplayName("§2.2 any office nationwide since 2023-05-15 [NIA2305]")
        void nationwide(LocalDate date, ScopeKind kind) {
            Assessment assessment = rules.assess(reEndorse(adult(BEIJING), date).office(Office.at("310104"))
                    .endorsement(EndorsementApplication.familyVisit(HK, FamilyVisit.of(Relationship.PARENT, RelativeStatus.SETTLED))).build());
            assertThat(assessment.whereToApply().scopes()).singleElement().satisfies(scope -> assertThat(scope.kind()).isEqualTo(kind));
            assertThat(assessment.officeAccepts()).isEqualTo(kind == ScopeKind.NATIONWIDE);
            assertThat(assessment.whereToApply().scopes().get(0).rule())
                    .isEqualTo(kind == ScopeKind.NATIONWIDE ? OfficeRules.TDQ_NATIONWIDE : OfficeRules.HUKOU_ONLY);
        }
    }

    @Nested
    @DisplayName("§2.3 materials by the relative's status")
    class Materials {

        @ParameterizedTest(name = "§2.3 {0} {1} foreign={2}: {3}")
        @CsvSource(delimiter = ';', value = {
                "HK; SETTLED; false; RELATIVE_HK_ID_CARD:HK|RELATIVE_HOME_RETURN_PERMIT:HK",
                "HK; SETTLED; true; RELATIVE_HK_PERMANENT_ID:HK|RELATIVE_FOREIGN_PASSPORT:HK",
                "HK; LONG_TERM_RESIDENT; false; RELATIVE_HK_ID_CARD:HK|RELATIVE_HK_ENTRY_PERMIT:HK|RELATIVE_TRAVEL_DOCUMENT:HK",
                "HK; WORKING; false; RELATIVE_HK_ENTRY_PERMIT:HK|RELATIVE_TRAVEL_DOCUMENT:HK",
                "HK; STUDYING; false; RELATIVE_HK_ENTRY_PERMIT:HK|RELATIVE_TRAVEL_DOCUMENT:HK",
                "MO; SETTLED; false; RELATIVE_MO_ID_CARD:MO|RELATIVE_HOME_RETURN_PERMIT:MO",
                "MO; SETTLED; true; RELATIVE_MO_PERMANENT_ID:MO|RELATIVE_FOREIGN_PASSPORT:MO",
                "MO; LONG_TERM_RESIDENT; false; RELATIVE_MO_ID_OR_STAY_PERMIT:MO|RELATIVE_TRAVEL_DOCUMENT:MO",
                "MO; WORKING; false; RELATIVE_MO_WORK_APPROVAL:MO|RELATIVE_TRAVEL_DOCUMENT:MO",
                "MO; STUDYING; false; RELATIVE_MO_STUDY_PROOF:MO|RELATIVE_TRAVEL_DOCUMENT:MO"})
        @DisplayName("§2.3 relative's documents (copies) by status and destination, plus kinship proof [FAQ2 Q33-34]")
        void relativeDocuments(Destination destination, RelativeStatus status, boolean foreign, String expected) {
            FamilyVisit visit = new FamilyVisit(Relationship.SIBLING, status, foreign, false, false, false);
            Assessment assessment = rules.assess(reEndorse(adult(BEIJING), TODAY)
                    .endorsement(EndorsementApplication.familyVisit(destination, visit)).build());
            String[] relative = expected.split("\\|");
            assertThat(keys(assessment.materials()).subList(2, keys(assessment.materials()).size()))
                    .containsExactly(concat(relative, "KINSHIP_PROOF:SIBLING"));
            assertThat(assessment.materials().items()).filteredOn(item -> item.code().startsWith("RELATIVE_"))
                    .allSatisfy(item -> assertThat(item.form()).isEqualTo(cn.hkmo.eligibility.rules.materials.Form.COPY));
        }

        private static String[] concat(String[] first, String last) {
            String[] all = java.util.Arrays.copyOf(first, first.length + 1);
            all[first.length] = last;
            return all;
        }
    }
}
