package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.eligibility.rules.delegation.DelegateOption;
import cn.hkmo.eligibility.rules.delegation.DelegationRules;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.delegation.FingerprintRequirement;
import cn.hkmo.eligibility.rules.delegation.Submitter;
import cn.hkmo.eligibility.rules.endorsement.Business;
import cn.hkmo.eligibility.rules.endorsement.BusinessRole;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;
import cn.hkmo.eligibility.rules.endorsement.FaceLanes;
import cn.hkmo.eligibility.rules.endorsement.Stay;
import cn.hkmo.eligibility.rules.endorsement.StayPurpose;
import cn.hkmo.eligibility.rules.endorsement.Talent;
import cn.hkmo.eligibility.rules.endorsement.TalentCategory;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.eligibility.rules.materials.Party;
import cn.hkmo.eligibility.rules.office.Office;
import cn.hkmo.eligibility.rules.office.OfficeRules;
import cn.hkmo.eligibility.rules.office.Scope;
import cn.hkmo.eligibility.rules.office.ScopeKind;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitForm;
import cn.hkmo.eligibility.rules.permit.PermitRules;
import cn.hkmo.eligibility.rules.permit.RenewalReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;

import static cn.hkmo.contracts.common.Destination.HK;
import static cn.hkmo.contracts.common.Destination.MO;
import static cn.hkmo.eligibility.rules.Fixtures.TODAY;
import static cn.hkmo.eligibility.rules.Fixtures.adult;
import static cn.hkmo.eligibility.rules.Fixtures.aged;
import static cn.hkmo.eligibility.rules.Fixtures.codes;
import static cn.hkmo.eligibility.rules.Fixtures.firstApplication;
import static cn.hkmo.eligibility.rules.Fixtures.keys;
import static cn.hkmo.eligibility.rules.Fixtures.reEndorse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/domain.md#r-permit: the permit, renewal, materials, delegation, where to apply, military and state employees. */
class RulesSection3Test {

    private static final String BEIJING = "110105";
    private static final String SHANGHAI = "310104";
    private static final String GUANGZHOU = "440106";
    private final EligibilityRules rules = Fixtures.rules();

    private static EndorsementApplication parentVisit() {
        return EndorsementApplication.familyVisit(HK, FamilyVisit.of(Relationship.PARENT, RelativeStatus.SETTLED));
    }

    @Nested
    @DisplayName("§3.1 form, validity and issue categories")
    class Permit {

        @ParameterizedTest(name = "§3.1 aged {0} (birthday reached: {1}): {2} years")
        @CsvSource({"15, true, 5", "16, false, 5", "16, true, 10", "17, true, 10", "1, true, 5"})
        @DisplayName("§3.1 validity 5 years under 16, 10 years from 16 (16 included) [FAQ2 Q55]")
        void validity(int years, boolean reached, int validity) {
            Applicant applicant = aged(BEIJING, years, TODAY, reached);
            AssessmentRequest.Builder request = firstApplication(applicant, TODAY);
            if (applicant.ageOn(TODAY) < 16) {
                request.escort(Escort.GUARDIAN);
            }
            assertThat(rules.assess(request.build()).permit().validityYears()).isEqualTo(validity);
        }

        @Test
        @DisplayName("§3.1 the electronic card carries the endorsements; a booklet cannot be endorsed [FP14] [BOOK]")
        void card() {
            Applicant booklet = new Applicant(LocalDate.of(1980, 1, 1), null, Locality.of(BEIJING), null, PublicRole.NONE,
                    new CurrentPermit("W12345678", PermitForm.BOOKLET, TODAY.plusYears(1)), null);
            Assessment assessment = rules.assess(AssessmentRequest.builder(booklet, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                    .endorsement(EndorsementApplication.groupTour(HK)).build());
            assertThat(codes(assessment)).containsExactly("BOOKLET_PERMIT");
            assertThat(assessment.permit().renewalRequired()).isTrue();
        }

        @Test
        @DisplayName("§3.1 old booklet: swapping it for a card is a renewal [BOOK] [FAQ2 Q48]")
        void booklet() {
            Applicant booklet = new Applicant(LocalDate.of(1980, 1, 1), null, Locality.of(BEIJING), null, PublicRole.NONE,
                    new CurrentPermit("W12345678", PermitForm.BOOKLET, LocalDate.of(2019, 9, 13)), null);
            assertThat(rules.assess(AssessmentRequest.builder(booklet, TODAY, ApplicationCategory.RENEWAL)
                    .renewalReason(RenewalReason.BOOKLET_TO_CARD).build()).allowed()).isTrue();
            Applicant card = Fixtures.withPermit(adult(BEIJING), TODAY.plusYears(3));
            assertThat(codes(rules.assess(AssessmentRequest.builder(card, TODAY, ApplicationCategory.RENEWAL)
                    .renewalReason(RenewalReason.BOOKLET_TO_CARD).build()))).containsExactly("RENEWAL_GROUND_NOT_MET");
        }

        @Test
        @DisplayName("§3.1 issue categories: holding a valid permit is not a first application [FAQ1 Q2]")
        void categories() {
            Applicant holder = Fixtures.withPermit(adult(BEIJING), TODAY.plusYears(3));
            assertThat(codes(rules.assess(firstApplication(holder, TODAY).build()))).containsExactly("PERMIT_ALREADY_HELD");
            assertThat(rules.assess(firstApplication(Fixtures.withPermit(adult(BEIJING), TODAY.minusDays(1)), TODAY).build()).allowed()).isTrue();
            assertThat(rules.assess(AssessmentRequest.builder(adult(BEIJING), TODAY, ApplicationCategory.REAPPLICATION).build()).allowed()).isTrue();
        }

        @Test
        @DisplayName("§3.1 the permit may be applied for alone, without an endorsement [FAQ1 Q3-4]")
        void alone() {
            Assessment assessment = rules.assess(firstApplication(adult(BEIJING), TODAY).build());
            assertThat(assessment.allowed()).isTrue();
            assertThat(assessment.endorsements()).isEmpty();
            assertThat(assessment.permit().notes()).contains(PermitRules.ALONE);
        }

        @ParameterizedTest(name = "§3.1 permit number {0}: {1}")
        @CsvSource({"C88600000, true", "CA3273201, true", "W12345678, true", "E12345678, false", "C1234567, false", "W1234567A, false"})
        @DisplayName("§3.1 permit number: card C + 8, booklet W + 8 digits [LOW/UNCONFIRMED: PNO], configurable")
        void number(String number, boolean valid) {
            assertThat(rules.permitRules().validNumber(number)).isEqualTo(valid);
        }
    }

    @Nested
    @DisplayName("§3.2 renewal and reissue")
    class Renewal {

        @ParameterizedTest(name = "§3.2 ground {0}")
        @EnumSource(RenewalReason.class)
        @DisplayName("§3.2 the six grounds, each checked against the facts it claims [FAQ2 Q48]")
        void grounds(RenewalReason reason) {
            LocalDate expiry = switch (reason) {
                case EXPIRING -> TODAY.plusMonths(6).minusDays(1);
                case SHORTER_THAN_ENDORSEMENT -> TODAY.plusMonths(9);
                default -> TODAY.plusYears(4);
            };
            CurrentPermit permit = reason == RenewalReason.BOOKLET_TO_CARD
                    ? new CurrentPermit("W12345678", PermitForm.BOOKLET, LocalDate.of(2019, 9, 13))
                    : new CurrentPermit("C88600000", PermitForm.CARD, expiry);
            Applicant holder = new Applicant(LocalDate.of(1985, 6, 1), null, Locality.of(BEIJING), null, PublicRole.NONE, permit, null);
            ApplicationCategory category = reason == RenewalReason.LOST_OR_STOLEN ? ApplicationCategory.REISSUE : ApplicationCategory.RENEWAL;
            AssessmentRequest.Builder request = AssessmentRequest.builder(holder, TODAY, category).renewalReason(reason);
            if (reason == RenewalReason.SHORTER_THAN_ENDORSEMENT) {
                request.endorsement(EndorsementApplication.business(HK, new Business(BusinessRole.VEHICLE_DRIVER, false, null)));
            }
            Assessment assessment = rules.assess(request.build());
            assertThat(assessment.allowed()).isTrue();
            assertThat(assessment.permit().newPermit()).isTrue();
            assertThat(keys(assessment.materials())).startsWith("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT");
        }

        @Test
        @DisplayName("§3.2 exactly 6 months left is not \"under 6 months\" [FAQ2 Q48]")
        void sixMonthsBoundary() {
            Applicant exactly = Fixtures.withPermit(adult(BEIJING), TODAY.plusMonths(6));
            assertThat(rules.assess(AssessmentRequest.builder(exactly, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                    .endorsement(EndorsementApplication.groupTour(HK)).build()).permit().renewalRequired()).isFalse();
            Applicant dayShort = Fixtures.withPermit(adult(BEIJING), TODAY.plusMonths(6).minusDays(1));
            assertThat(rules.assess(AssessmentRequest.builder(dayShort, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                    .endorsement(EndorsementApplication.groupTour(HK)).build()).permit().renewalRequired()).isTrue();
        }
    }

    @Nested
    @DisplayName("§3.3 materials, photo, fingerprints, minors, clearance")
    class Counter {

        @Test
        @DisplayName("§3.3 first-application materials [FAQ2 Q31]")
        void firstApplicationMaterials() {
            assertThat(keys(rules.assess(firstApplication(adult(BEIJING), TODAY).build()).materials()))
                    .containsExactly("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT");
        }

        @Test
        @DisplayName("§3.3 photo: within 6 months, colour, white or light-blue, 33 mm × 48 mm [FAQ1 Q5]")
        void photo() {
            var photo = rules.assess(firstApplication(adult(BEIJING), TODAY).build()).materials().item("PHOTO").orElseThrow();
            assertThat(photo.nameZh()).contains("近6个月内", "彩色", "白色或淡蓝色背景", "33mm×48mm");
        }

        @ParameterizedTest(name = "§3.3 aged {0}, on file in {1}, at an office in {2}: {3}")
        @CsvSource({
                "30, , 110105, COLLECT",
                "30, 110000, 110108, VERIFY",
                "30, 310000, 110108, COLLECT",
                "16, , 110105, COLLECT",
                "15, , 110105, GUARDIAN_DISCRETION"})
        @DisplayName("§3.3 fingerprints: collect from 16, verify if on file in the same province, guardian decides under 16 [FP14] [FAQ2 Q42]")
        void fingerprints(int age, String onFile, String office, FingerprintRequirement expected) {
            Applicant applicant = Fixtures.withFingerprints(aged(BEIJING, age, TODAY, true), onFile);
            AssessmentRequest.Builder request = firstApplication(applicant, TODAY).office(Office.at(office));
            if (age < 16) {
                request.escort(Escort.GUARDIAN);
            }
            assertThat(rules.assess(request.build()).fingerprints().requirement()).isEqualTo(expected);
        }

        @Test
        @DisplayName("§3.3 endorsements alone need no fingerprints")
        void endorsementFingerprints() {
            assertThat(rules.assess(reEndorse(adult(BEIJING), TODAY).endorsement(parentVisit()).build()).fingerprints().requirement())
                    .isEqualTo(FingerprintRequirement.NOT_REQUIRED);
        }

        @Test
        @DisplayName("§3.3 under 16: no delegation; guardian proof and ID; companion's letter and ID [FAQ2 Q41-42] [2019]")
        void underSixteen() {
            Assessment assessment = rules.assess(firstApplication(aged(BEIJING, 8, TODAY, true), TODAY).escort(Escort.ENTRUSTED_COMPANION).build());
            assertThat(assessment.attendance().delegates()).isEmpty();
            assertThat(assessment.materials().items()).filteredOn(item -> item.forItem().equals("UNDER_16"))
                    .extracting(item -> item.key() + "/" + item.party())
                    .containsExactly("GUARDIANSHIP_PROOF/GUARDIAN", "GUARDIAN_ID/GUARDIAN", "GUARDIAN_ENTRUSTMENT_LETTER/GUARDIAN",
                            "COMPANION_ID/COMPANION");
        }

        @Test
        @DisplayName("§3.3 registration-free self-service clearance: a declaration, signed by the guardian under 16 [FP-EC]")
        void selfService() {
            var adultItem = rules.assess(firstApplication(adult(BEIJING), TODAY).selfServiceClearance().build())
                    .materials().item("SELF_SERVICE_DECLARATION").orElseThrow();
            assertThat(adultItem.party()).isEqualTo(Party.APPLICANT);
            var childItem = rules.assess(firstApplication(aged(BEIJING, 12, TODAY, true), TODAY).escort(Escort.GUARDIAN)
                    .selfServiceClearance().build()).materials().item("SELF_SERVICE_DECLARATION").orElseThrow();
            assertThat(childItem.party()).isEqualTo(Party.GUARDIAN);
        }

        @ParameterizedTest(name = "§3.3 face lane: {0} {1}, aged {2}, on {3}: {4}")
        @CsvSource({
                "T, MULTIPLE, 14, 2024-11-20, true",
                "T, MULTIPLE, 13, 2024-11-20, false",
                "T, MULTIPLE, 30, 2024-11-19, false",
                "T, SINGLE, 30, 2025-01-01, false",
                "S, MULTIPLE, 30, 2025-01-01, true",
                "D, MULTIPLE, 30, 2025-01-01, true",
                "Q, MULTIPLE, 30, 2025-01-01, true",
                "TALENT, MULTIPLE, 30, 2025-01-01, true",
                "G, MULTIPLE, 30, 2025-01-01, false",
                "L, DOUBLE, 30, 2025-01-01, false"})
        @DisplayName("§3.3 face lanes: from 14, multiple-entry D/T/S/talent/Q, from 2024-11-20 [FACE24] [FACE25]")
        void faceLanes(EndorsementType type, Entries entries, int age, LocalDate date, boolean eligible) {
            assertThat(FaceLanes.eligible(type, entries, age, date)).isEqualTo(eligible);
        }

        @Test
        @DisplayName("§3.3 face lanes flagged on the options of an assessment")
        void faceLaneOptions() {
            Assessment assessment = rules.assess(reEndorse(aged(BEIJING, 60, TODAY, true), TODAY).endorsement(parentVisit())
                    .endorsement(EndorsementApplication.individualTour(MO)).build());
            assertThat(assessment.endorsement("HK-T").orElseThrow().options()).allMatch(EndorsementOption::faceLane);
            assertThat(assessment.endorsement("MO-G").orElseThrow().options()).noneMatch(EndorsementOption::faceLane);
        }
    }

    @Nested
    @DisplayName("§3.4 delegation")
    class Delegation {

        @Test
        @DisplayName("§3.4 first application for the e-permit: in person [DELEG14] [FAQ2 Q45]")
        void firstApplicationInPerson() {
            Assessment assessment = rules.assess(firstApplication(adult(BEIJING), TODAY).submitter(Submitter.ENTRUSTED_PERSON)
                    .endorsement(parentVisit()).build());
            assertThat(codes(assessment)).containsExactly("DELEGATION_NOT_ALLOWED");
            assertThat(assessment.attendance().applicantInPerson()).isTrue();
            assertThat(assessment.attendance().notes()).contains(DelegationRules.PERMIT_IN_PERSON);
        }

        @Test
        @DisplayName("§3.4 valid permit, endorsement at the issuing office: a delegate may apply [FAQ2 Q43]")
        void originalOffice() {
            Assessment known = rules.assess(reEndorse(adult(BEIJING), TODAY).office(new Office(new Region(BEIJING), true))
                    .endorsement(parentVisit()).submitter(Submitter.ENTRUSTED_PERSON).build());
            assertThat(known.allowed()).isTrue();
            assertThat(known.attendance().delegates()).singleElement().satisfies(option -> assertThat(option.condition()).isNull());
            Assessment unknown = rules.assess(reEndorse(adult(BEIJING), TODAY).endorsement(parentVisit()).build());
            assertThat(unknown.attendance().delegates()).singleElement().satisfies(option -> assertThat(option.condition()).contains("原通行证"));
        }

        @Test
        @DisplayName("§3.4 applicant in HK or Macao: no delegation [FAQ2 Q46]")
        void inHkMacao() {
            Assessment assessment = rules.assess(reEndorse(adult(BEIJING), TODAY).inHkMacao().endorsement(parentVisit())
                    .submitter(Submitter.ENTRUSTED_PERSON).build());
            assertThat(codes(assessment)).containsExactly("DELEGATION_NOT_ALLOWED");
        }

        @ParameterizedTest(name = "§3.4 delegated {0} on {1}: {2}")
        @CsvSource({"G, 2019-08-01, true", "G, 2019-08-02, false", "L, 2019-08-01, true", "L, 2019-08-02, false", "T, 2019-08-02, true"})
        @DisplayName("§3.4 tourism endorsements in person since 2019-08-02 [FAQ2 Q43]")
        void tourism(EndorsementType type, LocalDate date, boolean allowed) {
            EndorsementApplication application = switch (type) {
                case G -> EndorsementApplication.individualTour(HK);
                case L -> EndorsementApplication.groupTour(HK);
                default -> parentVisit();
            };
            Assessment assessment = rules.assess(reEndorse(adult(BEIJING), date).office(new Office(new Region(BEIJING), true))
                    .endorsement(application).submitter(Submitter.ENTRUSTED_PERSON).build());
            assertThat(assessment.allowed()).isEqualTo(allowed);
        }

        @Test
        @DisplayName("§3.4 D for workers of a labour-service company: the company may apply [FAQ2 Q44]")
        void labour() {
            Assessment study = rules.assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.stay(HK,
                    new Stay(StayPurpose.STUDY, TODAY.plusYears(1), false, false))).submitter(Submitter.LABOUR_COMPANY).build());
            assertThat(codes(study)).containsExactly("DELEGATION_NOT_ALLOWED");
        }

        @Test
        @DisplayName("§3.4 S through a filed enterprise: the enterprise may apply [FAQ2 Q45(5)]")
        void enterprise() {
            Assessment notFiled = rules.assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.business(HK,
                    new Business(BusinessRole.ENTERPRISE_STAFF, false, null))).submitter(Submitter.FILED_ENTERPRISE).build());
            assertThat(codes(notFiled)).containsExactly("DELEGATION_NOT_ALLOWED");
            Assessment mixed = rules.assess(reEndorse(adult(BEIJING), TODAY)
                    .endorsement(EndorsementApplication.business(HK, new Business(BusinessRole.ENTERPRISE_STAFF, true, 12)))
                    .endorsement(EndorsementApplication.individualTour(HK)).submitter(Submitter.FILED_ENTERPRISE).build());
            assertThat(codes(mixed)).containsExactly("DELEGATION_NOT_ALLOWED");
        }

        @Test
        @DisplayName("§3.4 applying in HK/Macao to the Shenzhen or Zhuhai visa office: through China Travel Service [FAQ2 Q45(4)]")
        void chinaTravelService() {
            Assessment assessment = rules.assess(reEndorse(adult(BEIJING), TODAY).inHkMacao().endorsement(parentVisit())
                    .submitter(Submitter.CHINA_TRAVEL_SERVICE).build());
            assertThat(assessment.allowed()).isTrue();
            assertThat(assessment.attendance().delegates()).extracting(DelegateOption::submitter).containsExactly(Submitter.CHINA_TRAVEL_SERVICE);
        }

        @ParameterizedTest(name = "§3.4 applicant in HK/Macao, China Travel Service at an office in {0}: allowed {1}")
        @CsvSource({"440304, true", "440402, true", "110105, false", "440106, false"})
        @DisplayName("§3.4 China Travel Service only for the Shenzhen or Zhuhai visa office, as its condition says [FAQ2 Q45(4)]")
        void chinaTravelServiceOnlyShenzhenOrZhuhai(String officeRegion, boolean allowed) {
            Assessment assessment = rules.assess(reEndorse(adult(BEIJING), TODAY).inHkMacao().office(Office.at(officeRegion))
                    .endorsement(parentVisit()).submitter(Submitter.CHINA_TRAVEL_SERVICE).build());
            assertThat(assessment.allowed()).isEqualTo(allowed);
            if (allowed) {
                assertThat(assessment.attendance().delegates()).singleElement()
                        .satisfies(option -> assertThat(option.condition()).isNull());
            } else {
                assertThat(assessment.refusals()).singleElement()
                        .satisfies(reason -> assertThat(reason.rule()).isEqualTo(DelegationRules.CHINA_TRAVEL_SERVICE));
                assertThat(assessment.attendance().applicantInPerson()).isTrue();
            }
        }

        @Test
        @DisplayName("§3.4 under 16: never delegated, guardian accompaniment only [FAQ2 Q42]")
        void underSixteen() {
            Assessment assessment = rules.assess(reEndorse(aged(BEIJING, 12, TODAY, true), TODAY).escort(Escort.GUARDIAN)
                    .office(new Office(new Region(BEIJING), true)).endorsement(parentVisit()).submitter(Submitter.ENTRUSTED_PERSON).build());
            assertThat(codes(assessment)).containsExactly("DELEGATION_NOT_ALLOWED");
            assertThat(assessment.attendance().notes()).contains(DelegationRules.UNDER_16);
        }
    }

    @Nested
    @DisplayName("§3.5 where to apply")
    class WhereToApply {

        private List<Scope> scopes(Applicant applicant, LocalDate date, ApplicationCategory category, EndorsementApplication... items) {
            AssessmentRequest.Builder request = category == ApplicationCategory.ENDORSEMENT_ONLY
                    ? reEndorse(applicant, date) : AssessmentRequest.builder(applicant, date, category);
            if (category == ApplicationCategory.RENEWAL) {
                request.renewalReason(RenewalReason.DAMAGED);
            }
            for (EndorsementApplication item : items) {
                request.endorsement(item);
            }
            return rules.assess(request.build()).whereToApply().scopes();
        }

        @ParameterizedTest(name = "§3.5 permit {0} on {1}: {2}")
        @CsvSource({
                "FIRST_APPLICATION, 2019-03-31, HUKOU_CITY", "FIRST_APPLICATION, 2019-04-01, NATIONWIDE",
                "RENEWAL, 2018-08-31, HUKOU_CITY", "RENEWAL, 2018-09-01, NATIONWIDE"})
        @DisplayName("§3.5 permit: renewal/reissue nationwide from 2018-09-01, all categories from 2019-04-01 [2018] [2019]")
        void permit(ApplicationCategory category, LocalDate date, ScopeKind kind) {
            assertThat(scopes(adult(BEIJING), date, category)).singleElement().satisfies(scope -> assertThat(scope.kind()).isEqualTo(kind));
        }

        @ParameterizedTest(name = "§3.5 {0} on {1}: {2}")
        @CsvSource({
                "L, 2018-08-31, HUKOU_CITY", "L, 2018-09-01, NATIONWIDE",
                "D, 2023-05-14, HUKOU_CITY", "D, 2023-05-15, NATIONWIDE",
                "Q, 2023-05-14, HUKOU_CITY", "Q, 2023-05-15, NATIONWIDE",
                "S, 2024-05-05, HUKOU_CITY", "S, 2024-05-06, NATIONWIDE"})
        @DisplayName("§3.5 L nationwide from 2018-09-01; T, D, Q from 2023-05-15; S from 2024-05-06 [NIA2305] [S14]")
        void endorsements(EndorsementType type, LocalDate date, ScopeKind kind) {
            EndorsementApplication item = switch (type) {
                case L -> EndorsementApplication.groupTour(HK);
                case D -> EndorsementApplication.stay(HK, new Stay(StayPurpose.STUDY, date.plusYears(1), false, false));
                case Q -> EndorsementApplication.other(HK, new cn.hkmo.eligibility.rules.endorsement.OtherPurpose(
                        cn.hkmo.eligibility.rules.endorsement.OtherReason.EXAMINATION, false));
                default -> EndorsementApplication.business(HK, new Business(BusinessRole.INDIVIDUAL_BUSINESS, false, null));
            };
            assertThat(scopes(adult(BEIJING), date, ApplicationCategory.ENDORSEMENT_ONLY, item)).singleElement()
                    .satisfies(scope -> assertThat(scope.kind()).isEqualTo(kind));
        }

        @Test
        @DisplayName("§3.5 G is not nationwide: the hukou or residence-permit city [COND] [GL8]")
        void individualTour() {
            Applicant beijingInGuangzhou = Fixtures.withResidencePermit(adult(BEIJING), Locality.of(GUANGZHOU));
            Scope scope = scopes(beijingInGuangzhou, TODAY, ApplicationCategory.ENDORSEMENT_ONLY, EndorsementApplication.individualTour(HK)).get(0);
            assertThat(scope.kind()).isEqualTo(ScopeKind.CITIES);
            assertThat(scope.cities()).containsExactly("110000", "440100");
            assertThat(scope.accepts(new Region("440106"))).isTrue();
            assertThat(scope.accepts(new Region(SHANGHAI))).isFalse();
        }

        @Test
        @DisplayName("§3.5 talent: outstanding at any GBA office; others at the work place [R23]; beyond the GBA by work place [UNCONFIRMED]")
        void talent() {
            Scope outstanding = scopes(adult(BEIJING), TODAY, ApplicationCategory.ENDORSEMENT_ONLY,
                    EndorsementApplication.talent(HK, new Talent(TalentCategory.OUTSTANDING, "440304", false))).get(0);
            assertThat(outstanding.kind()).isEqualTo(ScopeKind.GBA_CITIES);
            assertThat(outstanding.accepts(new Region(GUANGZHOU))).isTrue();
            Scope research = scopes(adult(BEIJING), TODAY, ApplicationCategory.ENDORSEMENT_ONLY,
                    EndorsementApplication.talent(HK, new Talent(TalentCategory.RESEARCH, "440304", false))).get(0);
            assertThat(research.kind()).isEqualTo(ScopeKind.WORK_CITY);
            assertThat(research.accepts(new Region(GUANGZHOU))).isFalse();
            Scope shanghai = scopes(adult(BEIJING), TODAY, ApplicationCategory.ENDORSEMENT_ONLY,
                    EndorsementApplication.talent(HK, new Talent(TalentCategory.OUTSTANDING, SHANGHAI, false))).get(0);
            assertThat(shanghai.kind()).isEqualTo(ScopeKind.WORK_CITY);
            assertThat(shanghai.rule()).isEqualTo(OfficeRules.TALENT_WORK_PLACE);
        }

        @Test
        @DisplayName("§3.5 legacy non-hukou proof: not asked for, same procedure as at the hukou office [FAQ1 Q1]")
        void noNonHukouProof() {
            Assessment remote = rules.assess(firstApplication(adult(BEIJING), TODAY).office(Office.at(SHANGHAI))
                    .endorsement(EndorsementApplication.groupTour(MO)).build());
            assertThat(remote.officeAccepts()).isTrue();
            assertThat(keys(remote.materials())).containsExactly("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT");
        }
    }

    @Nested
    @DisplayName("§3.6 military and registered state employees")
    class PublicRoles {

        @ParameterizedTest(name = "§3.6 {0} brings the unit consent letter")
        @EnumSource(value = PublicRole.class, names = {"ACTIVE_MILITARY", "REGISTERED_STATE_EMPLOYEE"})
        @DisplayName("§3.6 unit consent letter [FAQ2 Q31-40]")
        void consent(PublicRole role) {
            Assessment assessment = rules.assess(reEndorse(Fixtures.withRole(adult(BEIJING), role), TODAY).endorsement(parentVisit()).build());
            assertThat(assessment.materials().item("UNIT_CONSENT_LETTER").orElseThrow().party()).isEqualTo(Party.UNIT);
        }

        @Test
        @DisplayName("§3.6 active military apply where the unit is stationed [LONGZ]")
        void military() {
            Assessment assessment = rules.assess(firstApplication(Fixtures.withRole(adult(BEIJING), PublicRole.ACTIVE_MILITARY), TODAY).build());
            assertThat(assessment.whereToApply().scopes()).extracting(Scope::kind).contains(ScopeKind.UNIT_STATION);
        }

        @Test
        @DisplayName("§3.6 excluded from the Shenzhen/Zhuhai/Hengqin schemes [SZZH]")
        void schemes() {
            Applicant official = Fixtures.withRole(adult("440402"), PublicRole.REGISTERED_STATE_EMPLOYEE);
            Assessment assessment = rules.assess(reEndorse(official, TODAY).endorsement(EndorsementApplication.individualTour(MO)).build());
            assertThat(assessment.endorsement("MO-G").orElseThrow().options()).extracting(EndorsementOption::scheme).containsOnlyNulls();
        }

        @Test
        @DisplayName("§3.6 state employees at a non-hukou office: UNCONFIRMED, configurable (default nationwide)")
        void stateEmployeesNationwide() {
            AssessmentRequest request = firstApplication(Fixtures.withRole(adult(BEIJING), PublicRole.REGISTERED_STATE_EMPLOYEE), TODAY)
                    .office(Office.at(SHANGHAI)).build();
            assertThat(rules.assess(request).officeAccepts()).isTrue();
            assertThat(Fixtures.rules("hkmo.eligibility.rules.state-employees-nationwide", "false").assess(request).officeAccepts()).isFalse();
        }
    }

    @Test
    @DisplayName("§3 a renewal needs its grounds; reasons on a first application are an impossible combination")
    void renewalReasonsOnFirstApplication() {
        assertThatThrownBy(() -> rules.assess(firstApplication(adult(BEIJING), TODAY).renewalReason(RenewalReason.DAMAGED).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("IMPOSSIBLE_COMBINATION"));
    }
}
