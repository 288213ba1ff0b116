package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.city.IndividualVisitCities;
import cn.hkmo.eligibility.rules.city.IndividualVisitCity;
import cn.hkmo.eligibility.rules.endorsement.Business;
import cn.hkmo.eligibility.rules.endorsement.BusinessRole;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.EndorsementDecision;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;
import cn.hkmo.eligibility.rules.endorsement.OtherPurpose;
import cn.hkmo.eligibility.rules.endorsement.OtherReason;
import cn.hkmo.eligibility.rules.endorsement.Stay;
import cn.hkmo.eligibility.rules.endorsement.StayPurpose;
import cn.hkmo.eligibility.rules.endorsement.Talent;
import cn.hkmo.eligibility.rules.endorsement.TalentCategory;
import cn.hkmo.eligibility.rules.endorsement.TourRules;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static cn.hkmo.contracts.common.Destination.HK;
import static cn.hkmo.contracts.common.Destination.MO;
import static cn.hkmo.eligibility.rules.Fixtures.TODAY;
import static cn.hkmo.eligibility.rules.Fixtures.adult;
import static cn.hkmo.eligibility.rules.Fixtures.codes;
import static cn.hkmo.eligibility.rules.Fixtures.firstApplication;
import static cn.hkmo.eligibility.rules.Fixtures.keys;
import static cn.hkmo.eligibility.rules.Fixtures.reEndorse;
import static cn.hkmo.eligibility.rules.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/domain.md#r-endorsements: endorsement types, individual-visit cities, city schemes. One test per row. */
class RulesSection1Test {

    private static final String BEIJING = "110105";
    private static final String SHENZHEN = "440304";
    private static final String ZHUHAI = "440402";
    private static final String NANYANG = "411302";
    private final EligibilityRules rules = Fixtures.rules();

    private EndorsementDecision decide(Applicant applicant, LocalDate date, EndorsementApplication application) {
        Assessment assessment = rules.assess(reEndorse(applicant, date).endorsement(application).build());
        return assessment.endorsement(application.item()).orElseThrow();
    }

    @Nested
    @DisplayName("§1 general rules")
    class General {

        @Test
        @DisplayName("§1 HK and Macao endorsements are separate items [SEEDA] [R23]")
        void separate() {
            Assessment both = rules.assess(reEndorse(adult(BEIJING), TODAY)
                    .endorsement(EndorsementApplication.individualTour(HK)).endorsement(EndorsementApplication.individualTour(MO)).build());
            assertThat(both.endorsements()).extracting(EndorsementDecision::item).containsExactly("HK-G", "MO-G");
            assertThat(terms(both.endorsement("HK-G").orElseThrow())).hasSize(4);
            assertThat(terms(both.endorsement("MO-G").orElseThrow())).hasSize(2);
        }

        @Test
        @DisplayName("§1 every endorsement needs a valid permit unless the permit is applied for too [FAQ2 Q32]")
        void validPermit() {
            Assessment none = rules.assess(AssessmentRequest.builder(adult(BEIJING), TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                    .endorsement(EndorsementApplication.groupTour(HK)).build());
            assertThat(codes(none)).containsExactly("NO_VALID_PERMIT");
            Assessment expired = rules.assess(AssessmentRequest.builder(Fixtures.withPermit(adult(BEIJING), TODAY.minusDays(1)), TODAY,
                    ApplicationCategory.ENDORSEMENT_ONLY).endorsement(EndorsementApplication.groupTour(HK)).build());
            assertThat(codes(expired)).containsExactly("NO_VALID_PERMIT");
            assertThat(expired.permit().renewalRequired()).isTrue();
            assertThat(rules.assess(firstApplication(adult(BEIJING), TODAY).endorsement(EndorsementApplication.groupTour(HK)).build())
                    .allowed()).isTrue();
        }

        @Test
        @DisplayName("§1 an endorsement may not outlast the permit: renew first [FAQ2 Q48-49]")
        void notOutlast() {
            Applicant threeYears = Fixtures.withPermit(adult(SHENZHEN), TODAY.plusYears(3));
            Assessment assessment = rules.assess(AssessmentRequest.builder(threeYears, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                    .endorsement(EndorsementApplication.talent(HK, new Talent(TalentCategory.OUTSTANDING, SHENZHEN, false))).build());
            assertThat(assessment.endorsement("HK-TALENT").orElseThrow().options()).singleElement()
                    .satisfies(option -> assertThat(option.needsNewPermit()).isTrue());
        }

        @Test
        @DisplayName("§1 local margins: more than 110 days for 3 months, 385 for 1 year [LOW: V5TT], configurable")
        void margins() {
            Applicant permit380 = Fixtures.withPermit(adult(BEIJING), TODAY.plusDays(380));
            AssessmentRequest request = AssessmentRequest.builder(permit380, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                    .endorsement(EndorsementApplication.groupTour(HK)).build();
            assertThat(rules.assess(request).endorsement("HK-L").orElseThrow().options())
                    .noneMatch(EndorsementOption::needsNewPermit);
            EligibilityRules local = Fixtures.rules("hkmo.eligibility.rules.permit-margin.enabled", "true");
            assertThat(local.assess(request).endorsement("HK-L").orElseThrow().options())
                    .extracting(EndorsementOption::code, EndorsementOption::needsNewPermit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("P3M/SINGLE", false), org.assertj.core.groups.Tuple.tuple("P3M/DOUBLE", false),
                            org.assertj.core.groups.Tuple.tuple("P1Y/SINGLE", true), org.assertj.core.groups.Tuple.tuple("P1Y/DOUBLE", true));
        }

        @Test
        @DisplayName("§1 common materials: form, valid permit, unit consent letter once, nothing twice [FAQ2 Q32]")
        void commonMaterials() {
            Applicant official = Fixtures.withRole(adult(BEIJING), PublicRole.REGISTERED_STATE_EMPLOYEE);
            Assessment assessment = rules.assess(reEndorse(official, TODAY).endorsement(EndorsementApplication.groupTour(HK))
                    .endorsement(EndorsementApplication.groupTour(MO)).build());
            assertThat(keys(assessment.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT", "UNIT_CONSENT_LETTER");
        }
    }

    @Nested
    @DisplayName("§1.1 endorsement types")
    class Types {

        @Test
        @DisplayName("§1.1 T family visit: by relationship, see §2 [FAQ2 Q33-35, Q56-60]")
        void familyVisit() {
            EndorsementDecision decision = decide(adult(BEIJING), TODAY,
                    EndorsementApplication.familyVisit(HK, FamilyVisit.of(Relationship.CHILD, RelativeStatus.WORKING)));
            assertThat(terms(decision)).containsExactly("P3M/MULTIPLE 90d FROM_FIRST_ENTRY");
        }

        @ParameterizedTest(name = "§1.1 S {0} filed={1} insurance={2}: {3}")
        @CsvSource(delimiter = ';', value = {
                "ENTERPRISE_STAFF; true; ; P3M/SINGLE|P3M/MULTIPLE|P1Y/MULTIPLE",
                "ENTERPRISE_STAFF; true; 6; P3M/SINGLE|P3M/MULTIPLE|P1Y/MULTIPLE",
                "ENTERPRISE_STAFF; true; 5; P3M/SINGLE",
                "ENTERPRISE_STAFF; false; 24; P3M/SINGLE",
                "INDIVIDUAL_BUSINESS; false; ; P3M/SINGLE",
                "VEHICLE_DRIVER; false; ; P3M/MULTIPLE|P1Y/MULTIPLE"})
        @DisplayName("§1.1 S business: filed staff, not filed, individual businesses, drivers [FAQ2 Q36] [SBIZ]")
        void business(BusinessRole role, boolean filed, Integer months, String expected) {
            EndorsementDecision decision = decide(adult(BEIJING), TODAY,
                    EndorsementApplication.business(HK, new Business(role, filed, months)));
            assertThat(decision.options()).extracting(EndorsementOption::code).containsExactly(expected.split("\\|"));
            assertThat(decision.options()).allMatch(option -> option.maxStayDays() == 14);
        }

        @ParameterizedTest(name = "§1.1 S stay on {0}: {1} days")
        @CsvSource({"2024-05-05, 7", "2024-05-06, 14"})
        @DisplayName("§1.1 S stay 14 days since 2024-05-06, previously 7 [S14]")
        void businessStay(LocalDate date, int days) {
            EndorsementDecision decision = decide(adult(BEIJING), date,
                    EndorsementApplication.business(MO, new Business(BusinessRole.INDIVIDUAL_BUSINESS, false, null)));
            assertThat(decision.options().get(0).maxStayDays()).isEqualTo(days);
        }

        @Test
        @DisplayName("§1.1 L group tour: HK 3M/1Y single or double, Macao 3M/1Y single, 7 days [FAQ2 Q37] [GL]")
        void groupTour() {
            assertThat(terms(decide(adult(NANYANG), TODAY, EndorsementApplication.groupTour(HK)))).containsExactly(
                    "P3M/SINGLE 7d PER_VISIT", "P3M/DOUBLE 7d PER_VISIT", "P1Y/SINGLE 7d PER_VISIT", "P1Y/DOUBLE 7d PER_VISIT");
            assertThat(terms(decide(adult(NANYANG), TODAY, EndorsementApplication.groupTour(MO)))).containsExactly(
                    "P3M/SINGLE 7d PER_VISIT", "P1Y/SINGLE 7d PER_VISIT");
        }

        @Test
        @DisplayName("§1.1 G individual tour: only residents of individual-visit cities; same options as L [FAQ2 Q38] [COND]")
        void individualTour() {
            assertThat(terms(decide(adult(BEIJING), TODAY, EndorsementApplication.individualTour(HK)))).containsExactly(
                    "P3M/SINGLE 7d PER_VISIT", "P3M/DOUBLE 7d PER_VISIT", "P1Y/SINGLE 7d PER_VISIT", "P1Y/DOUBLE 7d PER_VISIT");
            EndorsementDecision refused = decide(adult(NANYANG), TODAY, EndorsementApplication.individualTour(HK));
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.refusals().get(0).code()).isEqualTo("NOT_INDIVIDUAL_VISIT_CITY");
            assertThat(refused.refusals().get(0).rule()).isEqualTo(TourRules.INDIVIDUAL_CITIES);
        }

        @Test
        @DisplayName("§1.1 D stay: multiple entries for the approved period; Macao study period since 2023-05-15 [FAQ2 Q39] [D23]")
        void stay() {
            EndorsementDecision hk = decide(adult(BEIJING), TODAY,
                    EndorsementApplication.stay(HK, new Stay(StayPurpose.WORK, TODAY.plusYears(2).minusDays(1), false, false)));
            assertThat(hk.options()).singleElement().satisfies(option -> {
                assertThat(option.code()).isEqualTo("P2Y/MULTIPLE");
                assertThat(option.validUntil(TODAY)).isEqualTo(TODAY.plusYears(2).minusDays(1));
            });
            LocalDate before = LocalDate.of(2023, 5, 14);
            EndorsementDecision oldMacao = decide(adult(BEIJING), before,
                    EndorsementApplication.stay(MO, new Stay(StayPurpose.STUDY, before.plusYears(4), false, false)));
            assertThat(oldMacao.options().get(0).code()).isEqualTo("P1Y/MULTIPLE");
            LocalDate after = LocalDate.of(2023, 5, 15);
            EndorsementDecision newMacao = decide(adult(BEIJING), after,
                    EndorsementApplication.stay(MO, new Stay(StayPurpose.STUDY, after.plusYears(4).minusDays(1), false, false)));
            assertThat(newMacao.options().get(0).code()).isEqualTo("P4Y/MULTIPLE");
            EndorsementDecision expired = decide(adult(BEIJING), TODAY,
                    EndorsementApplication.stay(HK, new Stay(StayPurpose.STUDY, TODAY.minusDays(1), false, false)));
            assertThat(expired.refusals()).extracting(Reason::code).containsExactly("STAY_APPROVAL_EXPIRED");
        }

        @Test
        @DisplayName("§1.1 Q other: 3-month single or double, multiple when truly needed, 14 days [FAQ2 Q40] [DQ]")
        void other() {
            assertThat(terms(decide(adult(BEIJING), TODAY, EndorsementApplication.other(HK, new OtherPurpose(OtherReason.MEDICAL_TREATMENT, false)))))
                    .containsExactly("P3M/SINGLE 14d PER_VISIT", "P3M/DOUBLE 14d PER_VISIT");
            assertThat(terms(decide(adult(BEIJING), TODAY, EndorsementApplication.other(HK, new OtherPurpose(OtherReason.LITIGATION, true)))))
                    .containsExactly("P3M/SINGLE 14d PER_VISIT", "P3M/DOUBLE 14d PER_VISIT", "P3M/MULTIPLE 14d PER_VISIT");
        }

        @ParameterizedTest(name = "§1.1 talent {0} working in {1} on {2}: {3}")
        @CsvSource({
                "OUTSTANDING, 440304, 2026-03-02, P5Y/MULTIPLE",
                "RESEARCH, 440106, 2026-03-02, P3Y/MULTIPLE",
                "CULTURE_EDUCATION, 440106, 2026-03-02, P3Y/MULTIPLE",
                "HEALTH, 440106, 2026-03-02, P3Y/MULTIPLE",
                "LEGAL, 440106, 2026-03-02, P1Y/MULTIPLE",
                "OTHER, 440106, 2026-03-02, P1Y/MULTIPLE",
                "RESEARCH, 440106, 2023-02-19, REFUSED",
                "RESEARCH, 440106, 2023-02-20, P3Y/MULTIPLE",
                "RESEARCH, 110105, 2024-05-05, REFUSED",
                "RESEARCH, 110105, 2024-05-06, P3Y/MULTIPLE",
                "RESEARCH, 320102, 2025-11-04, REFUSED",
                "RESEARCH, 320102, 2025-11-05, P3Y/MULTIPLE",
                "RESEARCH, 130102, 2025-11-05, P3Y/MULTIPLE",
                "RESEARCH, 510107, 2026-03-02, REFUSED",
                "HETAO_SHENZHEN_PARK, 440304, 2025-11-04, REFUSED",
                "HETAO_SHENZHEN_PARK, 440304, 2025-11-05, P3Y/MULTIPLE",
                "HETAO_SHENZHEN_PARK, 440106, 2025-11-05, REFUSED"})
        @DisplayName("§1.1 talent: categories, validity, pilot areas by date, 30 days [R23] [R24] [R25] [HETAO]")
        void talent(TalentCategory category, String work, LocalDate date, String expected) {
            EndorsementDecision decision = decide(adult(work), date, EndorsementApplication.talent(HK, new Talent(category, work, false)));
            if (expected.equals("REFUSED")) {
                assertThat(decision.refusals()).extracting(Reason::code).containsExactly("TALENT_NOT_IN_PILOT_AREA");
            } else {
                assertThat(decision.options()).singleElement().satisfies(option -> {
                    assertThat(option.code()).isEqualTo(expected);
                    assertThat(option.maxStayDays()).isEqualTo(30);
                });
            }
        }

        @Test
        @DisplayName("§1.1 talent in any free-trade zone from 2025-11-05 [R25]")
        void talentFreeTradeZone() {
            EndorsementApplication chengdu = EndorsementApplication.talent(HK, new Talent(TalentCategory.LEGAL, "510107", true));
            assertThat(decide(adult("510107"), LocalDate.of(2025, 11, 4), chengdu).allowed()).isFalse();
            assertThat(decide(adult("510107"), LocalDate.of(2025, 11, 5), chengdu).allowed()).isTrue();
        }

        @Test
        @DisplayName("§1.1 letter codes: T official; S L G Q D secondary; talent letter UNCONFIRMED and configurable [FAQ2 Q56] [TL]")
        void letters() {
            for (EndorsementType type : List.of(EndorsementType.T, EndorsementType.S, EndorsementType.L, EndorsementType.G,
                    EndorsementType.D, EndorsementType.Q)) {
                assertThat(rules.endorsementRules().letter(type)).isEqualTo(type.name());
            }
            assertThat(rules.endorsementRules().letter(EndorsementType.TALENT)).isEqualTo("R");
            assertThat(Fixtures.rules("hkmo.eligibility.rules.talent-letter", "RC").endorsementRules().letter(EndorsementType.TALENT))
                    .isEqualTo("RC");
            EndorsementDecision talent = decide(adult(SHENZHEN), TODAY,
                    EndorsementApplication.talent(MO, new Talent(TalentCategory.OUTSTANDING, SHENZHEN, false)));
            assertThat(talent.notes()).anyMatch(rule -> rule.id().equals("TALENT.LETTER") && rule.confidence() == Confidence.UNCONFIRMED);
        }
    }

    @Nested
    @DisplayName("§1.2 individual-visit cities")
    class Cities {

        @Test
        @DisplayName("§1.2 the confirmed cities of 2003-2007: 21 in Guangdong and 18 more; Fuzhou urban districts only [CITY59]")
        void first49() {
            IndividualVisitCities cities = new IndividualVisitCities(false);
            assertThat(cities.on(TODAY.withYear(2023))).hasSize(39);
            assertThat(cities.on(TODAY.withYear(2023))).filteredOn(city -> city.code().startsWith("44")).hasSize(21);
            assertThat(cities.cityOf(new Region("350102"), TODAY)).map(IndividualVisitCity::nameEn).contains("Fuzhou (urban districts)");
            assertThat(cities.cityOf(new Region("350121"), TODAY)).isEmpty();
            assertThat(cities.cityOf(new Region("500101"), TODAY)).map(IndividualVisitCity::nameEn).contains("Chongqing");
        }

        @Test
        @DisplayName("§1.2 the ten UNCONFIRMED cities are on the list by default and can be switched off")
        void unconfirmedTen() {
            assertThat(new IndividualVisitCities(true).on(TODAY.withYear(2023))).hasSize(49);
            assertThat(decide(adult("530102"), TODAY, EndorsementApplication.individualTour(HK)).allowed()).isTrue();
            EligibilityRules strict = Fixtures.rules("hkmo.eligibility.rules.include-unconfirmed-cities", "false");
            Assessment kunming = strict.assess(reEndorse(adult("530102"), TODAY).endorsement(EndorsementApplication.individualTour(HK)).build());
            assertThat(codes(kunming)).containsExactly("NOT_INDIVIDUAL_VISIT_CITY");
        }

        @ParameterizedTest(name = "§1.2 {0} on {1}: {2}")
        @CsvSource({
                "610113, 2024-03-05, false", "610113, 2024-03-06, true",
                "370202, 2024-03-05, false", "370202, 2024-03-06, true"})
        @DisplayName("§1.2 Xi'an and Qingdao from 2024-03-06 (51 cities) [XAQD]")
        void xianQingdao(String hukou, LocalDate date, boolean allowed) {
            assertThat(decide(adult(hukou), date, EndorsementApplication.individualTour(HK)).allowed()).isEqualTo(allowed);
            assertThat(new IndividualVisitCities(true).on(LocalDate.of(2024, 3, 6))).hasSize(51);
        }

        @ParameterizedTest(name = "§1.2 {0} on {1}: {2}")
        @CsvSource({
                "140105, 2024-05-26, false", "140105, 2024-05-27, true",
                "150102, 2024-05-27, true", "230102, 2024-05-27, true", "540102, 2024-05-27, true",
                "620102, 2024-05-27, true", "630102, 2024-05-27, true", "640104, 2024-05-27, true",
                "650102, 2024-05-26, false", "650102, 2024-05-27, true"})
        @DisplayName("§1.2 eight more cities from 2024-05-27 (59 cities) [GL8]")
        void eightMore(String hukou, LocalDate date, boolean allowed) {
            assertThat(decide(adult(hukou), date, EndorsementApplication.individualTour(MO)).allowed()).isEqualTo(allowed);
            assertThat(new IndividualVisitCities(true).on(LocalDate.of(2024, 5, 27))).hasSize(59);
        }

        @Test
        @DisplayName("§1.2 residence-permit holders of the 2024 cities may apply [GL8]")
        void residencePermitHolders() {
            Applicant nanyangInTaiyuan = Fixtures.withResidencePermit(adult(NANYANG), Locality.of("140105"));
            assertThat(decide(nanyangInTaiyuan, LocalDate.of(2024, 5, 26), EndorsementApplication.individualTour(HK)).allowed()).isFalse();
            Assessment assessment = rules.assess(reEndorse(nanyangInTaiyuan, LocalDate.of(2024, 5, 27))
                    .endorsement(EndorsementApplication.individualTour(HK)).build());
            assertThat(assessment.allowed()).isTrue();
            assertThat(keys(assessment.materials())).contains("RESIDENCE_PERMIT");
        }
    }

    @Nested
    @DisplayName("§1.3 city schemes")
    class Schemes {

        @ParameterizedTest(name = "§1.3 Shenzhen hukou on {0}: {1}")
        @CsvSource(delimiter = ';', value = {
                "2024-11-30; P1Y/MULTIPLE/SZ_WEEKLY",
                "2024-12-01; P1Y/MULTIPLE/SZ_MULTI"})
        @DisplayName("§1.3 Shenzhen 一签多行 from 2024-12-01; 一周一行 stopped that day [SZZH]")
        void shenzhen(LocalDate date, String scheme) {
            EndorsementDecision decision = decide(adult(SHENZHEN), date, EndorsementApplication.individualTour(HK));
            assertThat(decision.options()).extracting(EndorsementOption::code).containsExactly(
                    "P3M/SINGLE", "P3M/DOUBLE", "P1Y/SINGLE", "P1Y/DOUBLE", scheme);
            assertThat(decision.options().get(4).maxStayDays()).isEqualTo(7);
        }

        @Test
        @DisplayName("§1.3 Shenzhen 一签多行: residence-permit holders yes, state employees and military no [SZZH]")
        void shenzhenWho() {
            LocalDate date = LocalDate.of(2024, 12, 1);
            Applicant resident = Fixtures.withResidencePermit(adult(NANYANG), Locality.of(SHENZHEN));
            assertThat(decide(resident, date, EndorsementApplication.individualTour(HK)).options())
                    .extracting(EndorsementOption::scheme).contains("SZ_MULTI");
            for (PublicRole role : List.of(PublicRole.ACTIVE_MILITARY, PublicRole.REGISTERED_STATE_EMPLOYEE)) {
                EndorsementDecision excluded = decide(Fixtures.withRole(adult(SHENZHEN), role), date, EndorsementApplication.individualTour(HK));
                assertThat(excluded.options()).extracting(EndorsementOption::scheme).containsOnlyNulls();
                assertThat(excluded.notes()).contains(TourRules.SCHEME_EXCLUSION);
            }
            assertThat(decide(adult(SHENZHEN), date, EndorsementApplication.individualTour(MO)).options())
                    .extracting(EndorsementOption::scheme).containsOnlyNulls();
        }

        @ParameterizedTest(name = "§1.3 Zhuhai hukou on {0}: weekly {1}")
        @CsvSource({"2024-12-31, false", "2025-01-01, true"})
        @DisplayName("§1.3 Zhuhai 一周一行 to Macao from 2025-01-01, hukou residents only [SZZH] [WAOU25]")
        void zhuhai(LocalDate date, boolean offered) {
            assertThat(decide(adult(ZHUHAI), date, EndorsementApplication.individualTour(MO)).options())
                    .extracting(EndorsementOption::code).containsExactlyElementsOf(offered
                            ? List.of("P3M/SINGLE", "P1Y/SINGLE", "P1Y/MULTIPLE/ZH_WEEKLY") : List.of("P3M/SINGLE", "P1Y/SINGLE"));
            Applicant resident = Fixtures.withResidencePermit(adult(BEIJING), Locality.of(ZHUHAI));
            assertThat(decide(resident, date, EndorsementApplication.individualTour(MO)).options())
                    .extracting(EndorsementOption::scheme).containsOnlyNulls();
        }

        @Test
        @DisplayName("§1.3 Hengqin 一签多行 to Macao from 2025-01-01, hukou and residence-permit holders [SZZH]")
        void hengqin() {
            LocalDate date = LocalDate.of(2025, 1, 1);
            Applicant hukou = Fixtures.withHukou(adult(ZHUHAI), Locality.hengqin(ZHUHAI));
            assertThat(decide(hukou, date, EndorsementApplication.individualTour(MO)).options()).extracting(EndorsementOption::code)
                    .containsExactly("P3M/SINGLE", "P1Y/SINGLE", "P1Y/MULTIPLE/ZH_WEEKLY", "P1Y/MULTIPLE/HQ_MULTI");
            Applicant resident = Fixtures.withResidencePermit(adult(BEIJING), Locality.hengqin(ZHUHAI));
            assertThat(decide(resident, date, EndorsementApplication.individualTour(MO)).options()).extracting(EndorsementOption::code)
                    .containsExactly("P3M/SINGLE", "P1Y/SINGLE", "P1Y/MULTIPLE/HQ_MULTI");
            assertThat(decide(hukou, date.minusDays(1), EndorsementApplication.individualTour(MO)).options())
                    .extracting(EndorsementOption::scheme).containsOnlyNulls();
            EndorsementOption scheme = decide(hukou, date, EndorsementApplication.individualTour(MO)).option("P1Y/MULTIPLE/HQ_MULTI").orElseThrow();
            assertThat(EligibilityRules.optionAvailableAt(scheme, new Region("440402"))).isTrue();
            assertThat(EligibilityRules.optionAvailableAt(scheme, new Region("440106"))).isFalse();
        }

        @Test
        @DisplayName("§1.3 a Hengqin flag outside Zhuhai is an impossible combination")
        void hengqinOutsideZhuhai() {
            Applicant wrong = Fixtures.withHukou(adult(BEIJING), Locality.hengqin(BEIJING));
            assertThatThrownBy(() -> rules.assess(reEndorse(wrong, TODAY).endorsement(EndorsementApplication.individualTour(MO)).build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, Violation::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("applicant.hukou.hengqin", "IMPOSSIBLE_COMBINATION")));
        }

        @Test
        @DisplayName("§1.3 琴澳旅游团 multiple Macao–Hengqin trips within the 7-day L stay [LOW: QINAO]")
        void qinao() {
            assertThat(decide(adult(NANYANG), LocalDate.of(2024, 5, 6), EndorsementApplication.groupTour(MO)).notes()).contains(TourRules.QINAO);
            assertThat(decide(adult(NANYANG), LocalDate.of(2024, 5, 5), EndorsementApplication.groupTour(MO)).notes()).doesNotContain(TourRules.QINAO);
            assertThat(decide(adult(NANYANG), TODAY, EndorsementApplication.groupTour(HK)).notes()).doesNotContain(TourRules.QINAO);
        }
    }
}
