package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.delegation.DelegateOption;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.delegation.FingerprintRequirement;
import cn.hkmo.eligibility.rules.delegation.Submitter;
import cn.hkmo.eligibility.rules.endorsement.Business;
import cn.hkmo.eligibility.rules.endorsement.BusinessRole;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;
import cn.hkmo.eligibility.rules.endorsement.FeeBand;
import cn.hkmo.eligibility.rules.endorsement.OtherPurpose;
import cn.hkmo.eligibility.rules.endorsement.OtherReason;
import cn.hkmo.eligibility.rules.endorsement.Stay;
import cn.hkmo.eligibility.rules.endorsement.StayPurpose;
import cn.hkmo.eligibility.rules.endorsement.Talent;
import cn.hkmo.eligibility.rules.endorsement.TalentCategory;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.eligibility.rules.materials.Deficiency;
import cn.hkmo.eligibility.rules.materials.Form;
import cn.hkmo.eligibility.rules.materials.MaterialsCheck;
import cn.hkmo.eligibility.rules.materials.MaterialsChecklist;
import cn.hkmo.eligibility.rules.materials.Presented;
import cn.hkmo.eligibility.rules.materials.Waiver;
import cn.hkmo.eligibility.rules.office.Office;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitForm;
import cn.hkmo.eligibility.rules.permit.PermitRules;
import cn.hkmo.eligibility.rules.permit.RenewalReason;
import cn.hkmo.eligibility.rules.processing.ProcessingRules;
import cn.hkmo.eligibility.rules.processing.UrgentReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
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
import static cn.hkmo.eligibility.rules.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per question of the NIA FAQ (常见问题解答(二), Q31–Q60, docs/domain.md#r-sources), named by the question. */
class FaqQuestionsTest {

    private static final String BEIJING = "110105";
    private static final String SHANGHAI = "310104";
    private final EligibilityRules rules = Fixtures.rules();

    private Assessment assess(AssessmentRequest.Builder request) {
        return rules.assess(request.build());
    }

    private static EndorsementApplication visit(Relationship relationship) {
        return EndorsementApplication.familyVisit(HK, FamilyVisit.of(relationship, RelativeStatus.SETTLED));
    }

    @Test
    @DisplayName("FAQ2 Q31 单独申请通行证的材料: 申请表、照片、身份证(未满16可户口簿,军人军人证明)、指纹、单位同意函")
    void q31() {
        Assessment adult = assess(firstApplication(adult(BEIJING), TODAY));
        assertThat(keys(adult.materials())).containsExactly("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT");
        assertThat(adult.materials().item("IDENTITY_DOCUMENT").orElseThrow().form()).isEqualTo(Form.ORIGINAL_AND_COPY);
        assertThat(adult.materials().item("IDENTITY_DOCUMENT").orElseThrow().accepted()).containsExactly("居民身份证");
        assertThat(adult.fingerprints().requirement()).isEqualTo(FingerprintRequirement.COLLECT);
        assertThat(adult.permit().notes()).contains(PermitRules.ALONE);

        Assessment child = assess(firstApplication(aged(BEIJING, 12, TODAY, true), TODAY).escort(Escort.GUARDIAN));
        assertThat(child.materials().item("IDENTITY_DOCUMENT").orElseThrow().accepted()).containsExactly("居民身份证", "居民户口簿");

        Assessment soldier = assess(firstApplication(Fixtures.withRole(adult(BEIJING), PublicRole.ACTIVE_MILITARY), TODAY));
        assertThat(soldier.materials().item("IDENTITY_DOCUMENT").orElseThrow().accepted()).containsExactly("军人身份证明");
        assertThat(keys(soldier.materials())).contains("UNIT_CONSENT_LETTER");

        Assessment official = assess(firstApplication(Fixtures.withRole(adult(BEIJING), PublicRole.REGISTERED_STATE_EMPLOYEE), TODAY));
        assertThat(keys(official.materials())).containsExactly("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT", "UNIT_CONSENT_LETTER");
    }

    @Test
    @DisplayName("FAQ2 Q32 申请签注的材料: 申请表、有效通行证(同时申请通行证的除外),不重复提交")
    void q32() {
        Assessment alone = assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.groupTour(HK)));
        assertThat(keys(alone.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT");

        Assessment together = assess(firstApplication(adult(BEIJING), TODAY)
                .endorsement(EndorsementApplication.groupTour(HK)).endorsement(EndorsementApplication.groupTour(MO)));
        assertThat(keys(together.materials())).containsExactly("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT");
        assertThat(together.allowed()).isTrue();
    }

    @Test
    @DisplayName("FAQ2 Q33 探亲签注的材料: 亲属在港澳身份证明复印件, 亲属关系证明原件并复印件")
    void q33() {
        Assessment settled = assess(reEndorse(adult(BEIJING), TODAY).endorsement(visit(Relationship.PARENT)));
        assertThat(keys(settled.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT",
                "RELATIVE_HK_ID_CARD:HK", "RELATIVE_HOME_RETURN_PERMIT:HK", "KINSHIP_PROOF:PARENT");
        assertThat(settled.materials().item("RELATIVE_HK_ID_CARD:HK").orElseThrow().form()).isEqualTo(Form.COPY);
        assertThat(settled.materials().item("KINSHIP_PROOF:PARENT").orElseThrow().form()).isEqualTo(Form.ORIGINAL_AND_COPY);

        Assessment studying = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.familyVisit(MO, FamilyVisit.of(Relationship.CHILD, RelativeStatus.STUDYING))));
        assertThat(keys(studying.materials())).contains("RELATIVE_MO_STUDY_PROOF:MO", "RELATIVE_TRAVEL_DOCUMENT:MO");
    }

    @Test
    @DisplayName("FAQ2 Q34 亲属关系证明包括: 结婚证、出生证、户口簿、派出所证明、其他有法律效力的证明")
    void q34() {
        Assessment assessment = assess(reEndorse(adult(BEIJING), TODAY).endorsement(visit(Relationship.SPOUSE)));
        assertThat(assessment.materials().item("KINSHIP_PROOF:SPOUSE").orElseThrow().accepted()).containsExactly(
                "结婚证", "出生证", "载明亲属关系的户口簿", "户口所在地公安派出所出具的亲属关系证明",
                "其他具有法律效力的证明 (公证书、政府或国家机关或大型事业单位的证明)");
    }

    @Test
    @DisplayName("FAQ2 Q35 向同一受理部门再次探望同一亲属免交亲属关系证明 (配偶和姻亲除外)")
    void q35() {
        FamilyVisit repeatParent = new FamilyVisit(Relationship.PARENT, RelativeStatus.SETTLED, false, false, false, true);
        Assessment parent = assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.familyVisit(HK, repeatParent)));
        assertThat(parent.materials().requires("KINSHIP_PROOF:PARENT")).isFalse();
        assertThat(parent.materials().waived()).extracting(Waiver::rule).containsExactly(cn.hkmo.eligibility.rules.materials.MaterialsRules.KINSHIP_WAIVER);

        for (Relationship byMarriage : List.of(Relationship.SPOUSE, Relationship.PARENT_IN_LAW, Relationship.CHILD_SPOUSE)) {
            FamilyVisit repeat = new FamilyVisit(byMarriage, RelativeStatus.SETTLED, false, false, false, true);
            Assessment assessment = assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.familyVisit(HK, repeat)));
            assertThat(assessment.materials().requires("KINSHIP_PROOF:" + byMarriage)).as(byMarriage.name()).isTrue();
        }
    }

    @Test
    @DisplayName("FAQ2 Q36 商务签注的材料: 营业执照副本原件及复印件、社保或劳动关系证明、事由说明; 备案时已交的免交")
    void q36() {
        Assessment notFiled = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.business(HK, new Business(BusinessRole.ENTERPRISE_STAFF, false, null))));
        assertThat(keys(notFiled.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT",
                "BUSINESS_LICENCE", "STAFF_PROOF", "BUSINESS_PURPOSE_STATEMENT");
        assertThat(notFiled.materials().item("BUSINESS_LICENCE").orElseThrow().form()).isEqualTo(Form.ORIGINAL_AND_COPY);

        Assessment filed = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.business(HK, new Business(BusinessRole.ENTERPRISE_STAFF, true, 12))));
        assertThat(keys(filed.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT");
        assertThat(filed.materials().waived()).hasSize(3);

        Assessment individual = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.business(HK, new Business(BusinessRole.INDIVIDUAL_BUSINESS, false, null))));
        assertThat(keys(individual.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT", "BUSINESS_LICENCE");
    }

    @Test
    @DisplayName("FAQ2 Q37 团队旅游签注的材料: 申请表和有效通行证")
    void q37() {
        Assessment assessment = assess(reEndorse(adult("411302"), TODAY).endorsement(EndorsementApplication.groupTour(MO)));
        assertThat(assessment.allowed()).isTrue();
        assertThat(keys(assessment.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT");
    }

    @Test
    @DisplayName("FAQ2 Q38 个人旅游签注的材料: 申请表和有效通行证")
    void q38() {
        Assessment assessment = assess(reEndorse(adult(SHANGHAI), TODAY).endorsement(EndorsementApplication.individualTour(HK)));
        assertThat(assessment.allowed()).isTrue();
        assertThat(keys(assessment.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT");
    }

    @Test
    @DisplayName("FAQ2 Q39 逗留签注的材料: 港澳批准文件原件及复印件, 劳务人员加商务主管部门函, 续签交验延期许可")
    void q39() {
        LocalDate until = TODAY.plusYears(2);
        Assessment hkStudy = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.stay(HK, new Stay(StayPurpose.STUDY, until, false, false))));
        assertThat(keys(hkStudy.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT", "HK_ENTRY_PERMIT");
        assertThat(hkStudy.materials().item("HK_ENTRY_PERMIT").orElseThrow().form()).isEqualTo(Form.ORIGINAL_AND_COPY);

        Assessment hkLabour = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.stay(HK, new Stay(StayPurpose.WORK, until, true, true))));
        assertThat(keys(hkLabour.materials())).contains("HK_EXTENSION_PERMIT", "LABOUR_SERVICE_LETTER").doesNotContain("HK_ENTRY_PERMIT");

        Assessment moStudy = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.stay(MO, new Stay(StayPurpose.STUDY, until, false, false))));
        assertThat(keys(moStudy.materials())).contains("MO_ADMISSION_CONFIRMATION");
        Assessment moPosting = assess(reEndorse(aged(BEIJING, 10, TODAY, true), TODAY).escort(Escort.GUARDIAN).endorsement(
                EndorsementApplication.stay(MO, new Stay(StayPurpose.ACCOMPANY_POSTING, until, false, false))));
        assertThat(keys(moPosting.materials())).contains("MO_POSTING_FORM");
        Assessment moRelative = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.stay(MO, new Stay(StayPurpose.WORKER_RELATIVE, until, false, false))));
        assertThat(keys(moRelative.materials())).contains("MO_APPROVAL_NOTICE");
    }

    @Test
    @DisplayName("FAQ2 Q40 其他签注的材料: 事由材料原件及复印件; 持逗留签注在港赴澳交验通行证及逗留签注")
    void q40() {
        Assessment funeral = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.other(HK, new OtherPurpose(OtherReason.FUNERAL, false))));
        assertThat(keys(funeral.materials())).containsExactly("APPLICATION_FORM", "VALID_PERMIT", "REASON_DOCUMENTS:FUNERAL");
        Assessment stayHolder = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.other(MO, new OtherPurpose(OtherReason.STAY_HOLDER_TO_OTHER_REGION, false))));
        assertThat(keys(stayHolder.materials())).contains("STAY_ENDORSEMENT");
        assertThat(stayHolder.materials().item("STAY_ENDORSEMENT").orElseThrow().form()).isEqualTo(Form.ORIGINAL_AND_COPY);
    }

    @Test
    @DisplayName("FAQ2 Q41 未满16周岁由监护人或其委托的人陪同, 监护证明、身份证明, 委托书及陪同人身份证明")
    void q41() {
        Applicant child = aged(BEIJING, 15, TODAY, true);
        Assessment guardian = assess(firstApplication(child, TODAY).escort(Escort.GUARDIAN));
        assertThat(guardian.attendance().escort()).isTrue();
        assertThat(keys(guardian.materials())).contains("GUARDIANSHIP_PROOF", "GUARDIAN_ID")
                .doesNotContain("GUARDIAN_ENTRUSTMENT_LETTER", "COMPANION_ID");
        assertThat(guardian.materials().item("GUARDIANSHIP_PROOF").orElseThrow().accepted()).contains("出生证明", "户口簿");

        Assessment companion = assess(firstApplication(child, TODAY).escort(Escort.ENTRUSTED_COMPANION));
        assertThat(keys(companion.materials())).contains("GUARDIANSHIP_PROOF", "GUARDIAN_ID", "GUARDIAN_ENTRUSTMENT_LETTER", "COMPANION_ID");
    }

    @Test
    @DisplayName("FAQ2 Q42 未满16周岁不可代办; 根据监护人意见可不采集指纹")
    void q42() {
        Applicant child = aged(BEIJING, 15, TODAY, true);
        Assessment delegated = assess(reEndorse(child, TODAY).endorsement(visit(Relationship.PARENT))
                .submitter(Submitter.ENTRUSTED_PERSON).escort(Escort.GUARDIAN));
        assertThat(codes(delegated)).containsExactly("DELEGATION_NOT_ALLOWED");
        assertThat(delegated.attendance().delegates()).isEmpty();

        Assessment permit = assess(firstApplication(child, TODAY).escort(Escort.GUARDIAN));
        assertThat(permit.fingerprints().requirement()).isEqualTo(FingerprintRequirement.GUARDIAN_DISCRETION);
    }

    @Test
    @DisplayName("FAQ2 Q43 持有效通行证在原受理部门申请签注可委托; 2019-08-02起旅游签注须本人申请")
    void q43() {
        Office original = new Office(new Region(BEIJING), true);
        Assessment family = assess(reEndorse(adult(BEIJING), TODAY).office(original)
                .endorsement(visit(Relationship.PARENT)).submitter(Submitter.ENTRUSTED_PERSON));
        assertThat(family.allowed()).isTrue();
        assertThat(family.attendance().delegates()).extracting(DelegateOption::submitter).containsExactly(Submitter.ENTRUSTED_PERSON);
        assertThat(keys(family.materials())).contains("DELEGATION_LETTER", "DELEGATE_ID");

        Assessment tour = assess(reEndorse(adult(BEIJING), TODAY).office(original)
                .endorsement(EndorsementApplication.individualTour(HK)).submitter(Submitter.ENTRUSTED_PERSON));
        assertThat(codes(tour)).containsExactly("DELEGATION_NOT_ALLOWED");

        Assessment elsewhere = assess(reEndorse(adult(BEIJING), TODAY).office(new Office(new Region(SHANGHAI), false))
                .endorsement(visit(Relationship.PARENT)).submitter(Submitter.ENTRUSTED_PERSON));
        assertThat(codes(elsewhere)).containsExactly("DELEGATION_NOT_ALLOWED");
    }

    @Test
    @DisplayName("FAQ2 Q44 通过劳务经营公司赴港澳就业的逗留签注可由劳务经营公司代为申请")
    void q44() {
        Assessment assessment = assess(reEndorse(adult(BEIJING), TODAY).office(new Office(new Region(SHANGHAI), false))
                .endorsement(EndorsementApplication.stay(MO, new Stay(StayPurpose.WORK, TODAY.plusYears(1), true, true)))
                .submitter(Submitter.LABOUR_COMPANY));
        assertThat(assessment.allowed()).isTrue();
        assertThat(assessment.attendance().delegates()).extracting(DelegateOption::submitter).containsExactly(Submitter.LABOUR_COMPANY);
    }

    @Test
    @DisplayName("FAQ2 Q45 可委托代办的五种情形, 其余须本人申请")
    void q45() {
        assertThat(assess(firstApplication(adult(BEIJING), TODAY)).attendance().applicantInPerson()).isTrue();
        assertThat(assess(firstApplication(aged(BEIJING, 9, TODAY, true), TODAY).escort(Escort.GUARDIAN)).attendance().escort()).isTrue();
        assertThat(assess(reEndorse(adult(BEIJING), TODAY).endorsement(visit(Relationship.CHILD))).attendance().delegates())
                .extracting(DelegateOption::submitter).containsExactly(Submitter.ENTRUSTED_PERSON);
        assertThat(assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.stay(HK,
                new Stay(StayPurpose.WORK, TODAY.plusYears(1), true, false)))).attendance().delegates())
                .extracting(DelegateOption::submitter).containsExactlyInAnyOrder(Submitter.ENTRUSTED_PERSON, Submitter.LABOUR_COMPANY);
        assertThat(assess(reEndorse(adult(BEIJING), TODAY).inHkMacao().endorsement(visit(Relationship.CHILD))).attendance().delegates())
                .extracting(DelegateOption::submitter).containsExactly(Submitter.CHINA_TRAVEL_SERVICE);
        assertThat(assess(reEndorse(adult(BEIJING), TODAY).endorsement(EndorsementApplication.business(HK,
                new Business(BusinessRole.ENTERPRISE_STAFF, true, 12)))).attendance().delegates())
                .extracting(DelegateOption::submitter).containsExactlyInAnyOrder(Submitter.ENTRUSTED_PERSON, Submitter.FILED_ENTERPRISE);
    }

    @Test
    @DisplayName("FAQ2 Q46 申请人在港澳地区的不得委托他人代为申请")
    void q46() {
        Assessment assessment = assess(reEndorse(adult(BEIJING), TODAY).inHkMacao().office(new Office(new Region(BEIJING), true))
                .endorsement(visit(Relationship.PARENT)).submitter(Submitter.ENTRUSTED_PERSON));
        assertThat(codes(assessment)).containsExactly("DELEGATION_NOT_ALLOWED");
    }

    @Test
    @DisplayName("FAQ2 Q47 受理流程: 材料齐全出具回执; 不齐全一次性告知全部补正内容; 不属职责范围不予受理")
    void q47() {
        Assessment assessment = assess(reEndorse(adult(BEIJING), TODAY).office(Office.at(BEIJING)).endorsement(visit(Relationship.SPOUSE)));
        MaterialsChecklist checklist = assessment.materials();
        assertThat(MaterialsCheck.deficiencies(checklist, checklist.items().stream()
                .map(item -> new Presented(item.key(), true, null)).toList())).isEmpty();

        List<Deficiency> notice = MaterialsCheck.deficiencies(checklist, List.of(
                new Presented("APPLICATION_FORM", true, null),
                new Presented("KINSHIP_PROOF:SPOUSE", false, "结婚证复印件不清晰")));
        assertThat(notice).extracting(Deficiency::code).containsExactly(
                "MISSING:VALID_PERMIT", "MISSING:RELATIVE_HK_ID_CARD:HK", "MISSING:RELATIVE_HOME_RETURN_PERMIT:HK",
                "DEFECTIVE:KINSHIP_PROOF:SPOUSE");

        Assessment outside = assess(reEndorse(adult(SHANGHAI), TODAY).office(Office.at(BEIJING))
                .endorsement(EndorsementApplication.groupTour(HK)).endorsement(EndorsementApplication.individualTour(HK)));
        assertThat(outside.officeAccepts()).isFalse();
        assertThat(outside.whereToApply().refusing(new Region(BEIJING))).extracting(s -> s.item()).containsExactly("HK-G");
    }

    @Test
    @DisplayName("FAQ2 Q48 换发、补发的六种情形")
    void q48() {
        Applicant holder = Fixtures.withPermit(adult(BEIJING), TODAY.plusYears(4));
        for (RenewalReason reason : List.of(RenewalReason.DAMAGED, RenewalReason.IDENTITY_DATA_CHANGED,
                RenewalReason.ADD_SELF_SERVICE_CLEARANCE, RenewalReason.OTHER_NEED)) {
            Assessment assessment = rules.assess(AssessmentRequest.builder(holder, TODAY, ApplicationCategory.RENEWAL).renewalReason(reason).build());
            assertThat(assessment.allowed()).as(reason.name()).isTrue();
            assertThat(assessment.permit().validityYears()).isEqualTo(10);
        }
        Assessment notExpiring = rules.assess(AssessmentRequest.builder(holder, TODAY, ApplicationCategory.RENEWAL)
                .renewalReason(RenewalReason.EXPIRING).build());
        assertThat(codes(notExpiring)).containsExactly("RENEWAL_GROUND_NOT_MET");
        Applicant booklet = new Applicant(holder.birthDate(), holder.sex(), holder.hukou(), null, PublicRole.NONE,
                new CurrentPermit("W12345678", PermitForm.BOOKLET, LocalDate.of(2019, 9, 13)), null);
        assertThat(rules.assess(AssessmentRequest.builder(booklet, TODAY, ApplicationCategory.RENEWAL)
                .renewalReason(RenewalReason.BOOKLET_TO_CARD).build()).allowed()).isTrue();
    }

    @Test
    @DisplayName("FAQ2 Q49 有效期不足6个月或短于拟申请签注有效期的, 换发通行证")
    void q49() {
        Applicant fiveMonths = Fixtures.withPermit(adult(BEIJING), TODAY.plusMonths(5));
        Assessment expiring = rules.assess(AssessmentRequest.builder(fiveMonths, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                .endorsement(EndorsementApplication.groupTour(HK)).build());
        assertThat(expiring.permit().renewalRequired()).isTrue();
        assertThat(codes(expiring)).containsExactly("PERMIT_RENEWAL_REQUIRED");

        Applicant eightMonths = Fixtures.withPermit(adult(BEIJING), TODAY.plusMonths(8));
        Assessment shorter = rules.assess(AssessmentRequest.builder(eightMonths, TODAY, ApplicationCategory.ENDORSEMENT_ONLY)
                .endorsement(EndorsementApplication.groupTour(HK)).build());
        assertThat(shorter.allowed()).isTrue();
        assertThat(shorter.endorsement("HK-L").orElseThrow().options())
                .extracting(EndorsementOption::code, EndorsementOption::needsNewPermit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P3M/SINGLE", false), org.assertj.core.groups.Tuple.tuple("P3M/DOUBLE", false),
                        org.assertj.core.groups.Tuple.tuple("P1Y/SINGLE", true), org.assertj.core.groups.Tuple.tuple("P1Y/DOUBLE", true));
        assertThat(rules.assess(AssessmentRequest.builder(eightMonths, TODAY, ApplicationCategory.RENEWAL)
                .renewalReason(RenewalReason.SHORTER_THAN_ENDORSEMENT).endorsement(EndorsementApplication.groupTour(HK)).build())
                .allowed()).isTrue();
    }

    @Test
    @DisplayName("FAQ2 Q50 遗失、被盗抢或确需补发的, 申请补发")
    void q50() {
        Assessment lost = rules.assess(AssessmentRequest.builder(adult(BEIJING), TODAY, ApplicationCategory.REISSUE)
                .renewalReason(RenewalReason.LOST_OR_STOLEN).urgent(UrgentReason.DOCUMENT_LOST_BEFORE_TRAVEL).build());
        assertThat(lost.allowed()).isTrue();
        assertThat(lost.permit().newPermit()).isTrue();
        assertThat(keys(lost.materials())).containsExactly("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT");
        assertThat(codes(rules.assess(AssessmentRequest.builder(adult(BEIJING), TODAY, ApplicationCategory.REISSUE).build())))
                .containsExactly("RENEWAL_GROUND_NOT_MET");
    }

    @Test
    @DisplayName("FAQ2 Q51 户籍地受理后7个工作日内签发")
    void q51() {
        Assessment local = assess(firstApplication(adult(BEIJING), TODAY).office(Office.at("110108")));
        assertThat(local.processing().hukouLocal()).isTrue();
        assertThat(local.processing().days()).isEqualTo(7);
        assertThat(local.processing().workingDays()).isTrue();
        assertThat(local.processing().rules()).containsExactly(ProcessingRules.HUKOU_LOCAL);
    }

    @Test
    @DisplayName("FAQ2 Q52 异地申请20日内签发")
    void q52() {
        Assessment remote = assess(firstApplication(adult(BEIJING), TODAY).office(Office.at(SHANGHAI)));
        assertThat(remote.processing().hukouLocal()).isFalse();
        assertThat(remote.processing().days()).isEqualTo(20);
        assertThat(remote.processing().workingDays()).isFalse();
        assertThat(remote.officeAccepts()).isTrue();
    }

    @Test
    @DisplayName("FAQ2 Q53 紧急事由按急事急办原则优先审批")
    void q53() {
        for (UrgentReason reason : UrgentReason.values()) {
            Assessment urgent = assess(firstApplication(adult(BEIJING), TODAY).office(Office.at(BEIJING)).urgent(reason));
            assertThat(urgent.processing().priority()).isTrue();
            assertThat(urgent.processing().rules()).contains(ProcessingRules.URGENT);
            assertThat(urgent.processing().days()).isEqualTo(7);
        }
    }

    @Test
    @DisplayName("FAQ2 Q54 收费标准: 一次、二次、一年以内多次、一至二年、二至三年、三年以上多次")
    void q54() {
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.SINGLE, Period.ofYears(1))).isEqualTo(FeeBand.SINGLE);
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.DOUBLE, Period.ofMonths(3))).isEqualTo(FeeBand.DOUBLE);
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.MULTIPLE, Period.ofMonths(3))).isEqualTo(FeeBand.MULTIPLE_UP_TO_1_YEAR);
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.MULTIPLE, Period.ofYears(1))).isEqualTo(FeeBand.MULTIPLE_UP_TO_1_YEAR);
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.MULTIPLE, Period.of(1, 0, 1))).isEqualTo(FeeBand.MULTIPLE_1_TO_2_YEARS);
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.MULTIPLE, Period.ofYears(2))).isEqualTo(FeeBand.MULTIPLE_1_TO_2_YEARS);
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.MULTIPLE, Period.of(2, 6, 0))).isEqualTo(FeeBand.MULTIPLE_2_TO_3_YEARS);
        assertThat(FeeBand.of(cn.hkmo.contracts.common.Entries.MULTIPLE, Period.ofYears(3))).isEqualTo(FeeBand.MULTIPLE_3_YEARS_OR_MORE);
        Assessment talent = assess(reEndorse(adult("440304"), TODAY).endorsement(
                EndorsementApplication.talent(HK, new Talent(TalentCategory.OUTSTANDING, "440304", false))));
        assertThat(talent.endorsement("HK-TALENT").orElseThrow().options().get(0).feeBand()).isEqualTo(FeeBand.MULTIPLE_3_YEARS_OR_MORE);
    }

    @Test
    @DisplayName("FAQ2 Q55 通行证有效期: 未满16周岁5年, 16周岁(含)以上10年")
    void q55() {
        assertThat(assess(firstApplication(aged(BEIJING, 16, TODAY, false), TODAY).escort(Escort.GUARDIAN)).permit().validityYears()).isEqualTo(5);
        assertThat(assess(firstApplication(aged(BEIJING, 16, TODAY, true), TODAY)).permit().validityYears()).isEqualTo(10);
    }

    @Test
    @DisplayName("FAQ2 Q56 探亲签注以大写字母T标识")
    void q56() {
        Assessment assessment = assess(reEndorse(adult(BEIJING), TODAY).endorsement(visit(Relationship.PARENT)));
        assertThat(assessment.endorsement("HK-T").orElseThrow().letter()).isEqualTo("T");
        assertThat(assessment.endorsement("HK-T").orElseThrow().type()).isEqualTo(EndorsementType.T);
    }

    @Test
    @DisplayName("FAQ2 Q57 探望兄弟姐妹: 3个月一次, 逗留不超过14天")
    void q57() {
        Assessment assessment = assess(reEndorse(aged(BEIJING, 70, TODAY, true), TODAY).endorsement(visit(Relationship.SIBLING)));
        assertThat(terms(assessment.endorsement("HK-T").orElseThrow())).containsExactly("P3M/SINGLE 14d PER_VISIT");
    }

    @Test
    @DisplayName("FAQ2 Q58 探望(外)祖父母: 3个月一次, 逗留不超过14天")
    void q58() {
        Assessment assessment = assess(reEndorse(adult(BEIJING), TODAY).endorsement(
                EndorsementApplication.familyVisit(MO, FamilyVisit.of(Relationship.GRANDPARENT, RelativeStatus.SETTLED))));
        assertThat(terms(assessment.endorsement("MO-T").orElseThrow())).containsExactly("P3M/SINGLE 14d PER_VISIT");
    }

    @Test
    @DisplayName("FAQ2 Q59 探望(外)孙子女: 3个月一次, 逗留不超过14天")
    void q59() {
        Assessment assessment = assess(reEndorse(aged(BEIJING, 66, TODAY, true), TODAY).endorsement(visit(Relationship.GRANDCHILD)));
        assertThat(terms(assessment.endorsement("HK-T").orElseThrow())).containsExactly("P3M/SINGLE 14d PER_VISIT");
    }

    @Test
    @DisplayName("FAQ2 Q60 探望配偶: 3个月多次, 自首次进入起90天; 60周岁(含)以上可签1年多次, 每次90天")
    void q60() {
        Assessment fiftyNine = assess(reEndorse(aged(BEIJING, 60, TODAY, false), TODAY).endorsement(visit(Relationship.SPOUSE)));
        assertThat(fiftyNine.age()).isEqualTo(59);
        assertThat(terms(fiftyNine.endorsement("HK-T").orElseThrow())).containsExactly("P3M/MULTIPLE 90d FROM_FIRST_ENTRY");
        Assessment sixty = assess(reEndorse(aged(BEIJING, 60, TODAY, true), TODAY).endorsement(visit(Relationship.SPOUSE)));
        assertThat(sixty.age()).isEqualTo(60);
        assertThat(terms(sixty.endorsement("HK-T").orElseThrow()))
                .containsExactly("P1Y/MULTIPLE 90d PER_VISIT", "P3M/MULTIPLE 90d FROM_FIRST_ENTRY");
    }
}
