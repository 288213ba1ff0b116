package cn.hkmo.eligibility.rules.materials;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.eligibility.rules.PublicRole;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.delegation.Submitter;
import cn.hkmo.eligibility.rules.endorsement.Business;
import cn.hkmo.eligibility.rules.endorsement.BusinessRole;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.OtherReason;
import cn.hkmo.eligibility.rules.endorsement.Stay;
import cn.hkmo.eligibility.rules.endorsement.StayPurpose;
import cn.hkmo.eligibility.rules.endorsement.TalentCategory;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingRelation;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.contracts.common.RelativeStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.hkmo.eligibility.rules.materials.Form.COPY;
import static cn.hkmo.eligibility.rules.materials.Form.ORIGINAL;
import static cn.hkmo.eligibility.rules.materials.Form.ORIGINAL_AND_COPY;
import static cn.hkmo.eligibility.rules.materials.Form.SHOW_ORIGINAL;

/** The materials checklist of an application (docs/domain.md#r-endorsements, #r-t-materials, #r-materials, #r-delegation; [FAQ2 Q31–46]). */
public final class MaterialsRules {

    public static final RuleRef PERMIT_MATERIALS = RuleRef.official("MATERIALS.PERMIT", "[FAQ2 Q31]",
            "申请通行证: 申请表; 符合照相指引的照片; 居民身份证原件 (未满16周岁也可交验户口簿; 军人交验军人身份证明), 留存复印件或扫描件; 按规定提交或核验指纹");
    public static final RuleRef PHOTO = RuleRef.official("MATERIALS.PHOTO", "[FAQ1 Q5] [FAQ2 Q31]",
            "照片: 近6个月内、彩色、白色或淡蓝色背景、33mm×48mm (头宽21–24mm、头长28–33mm为地方要求 [LOW: V5TT2])");
    public static final RuleRef ENDORSEMENT_MATERIALS = RuleRef.official("MATERIALS.ENDORSEMENT", "[FAQ2 Q32]",
            "申请签注: 申请表; 有效通行证 (同时申请通行证的除外); 与申请事由相关的材料; 同时申请通行证和签注的无须重复提交");
    public static final RuleRef UNIT_CONSENT = RuleRef.official("MATERIALS.UNIT_CONSENT", "[FAQ2 Q31-40]",
            "军人、登记备案的国家工作人员应提交所属单位或上级主管单位按人事管理权限审批后出具的同意办理出入境证件的函");
    public static final RuleRef FAMILY_VISIT = RuleRef.official("MATERIALS.T", "[FAQ2 Q33]",
            "探亲签注: 被探望亲属在港澳定居、长期居住、就业、就学证明复印件; 交验亲属关系证明原件并提交复印件");
    public static final RuleRef KINSHIP = RuleRef.official("MATERIALS.KINSHIP", "[FAQ2 Q34]",
            "亲属关系证明: 结婚证、出生证、载明亲属关系的户口簿、户口所在地派出所出具的亲属关系证明、其他具有法律效力的证明");
    public static final RuleRef KINSHIP_WAIVER = RuleRef.official("MATERIALS.KINSHIP_WAIVER", "[FAQ2 Q35]",
            "向同一受理部门再次申请探望同一亲属的 (配偶和姻亲除外), 免交亲属关系证明");
    public static final RuleRef BUSINESS = RuleRef.official("MATERIALS.S", "[FAQ2 Q36]",
            "商务签注: 交验营业执照副本并提交复印件; 企业机构人员还须提交社保凭证 (多次须连续6个月以上) 或属于该企业的证明, 及赴港澳商务活动事由说明");
    public static final RuleRef BUSINESS_FILED = RuleRef.official("MATERIALS.S_FILED", "[FAQ2 Q36]",
            "企业机构在备案时已提交过有关证明材料的, 其人员在备案有效期内申请商务签注时无须重复提交");
    public static final RuleRef TOURISM = RuleRef.official("MATERIALS.L_G", "[FAQ2 Q37] [FAQ2 Q38]",
            "团队旅游、个人旅游签注: 申请表及有效通行证, 无其他材料");
    public static final RuleRef RESIDENCE_PERMIT = RuleRef.secondary("MATERIALS.RESIDENCE_PERMIT", "[COND] [GL8]",
            "以居住证申请个人旅游签注的, 交验居住证");
    public static final RuleRef STAY = RuleRef.official("MATERIALS.D", "[FAQ2 Q39]",
            "逗留签注: 交验港澳主管部门出具的相应批准文件原件并提交复印件; 劳务人员加交商务主管部门函; 续签交验延期许可");
    public static final RuleRef OTHER = RuleRef.official("MATERIALS.Q", "[FAQ2 Q40]",
            "其他签注: 交验与申请事由相关的材料原件并提交复印件; 持逗留签注在港(澳)期间赴澳(港)的, 交验通行证及逗留签注原件并提交复印件");
    public static final RuleRef TALENT = RuleRef.secondary("MATERIALS.TALENT", "[R23] [S14] [R25] [LOW: ZQ]",
            "人才签注: 杰出人才无需人才证明; 科研、文教、卫健人才交工作证明及副高级以上职称证明; 法律人才交工作证明; 其他人才交工作证明及管理岗位或专业资格证明");
    public static final RuleRef TALENT_HETAO = RuleRef.unconfirmed("MATERIALS.TALENT_HETAO", "[HETAO]",
            "河套深圳园区人员无需人才证明; 在园区工作的证明为推断要求");
    public static final RuleRef GUARDIAN = RuleRef.official("MATERIALS.UNDER_16", "[FAQ2 Q41] [FAQ2 Q45]",
            "未满16周岁: 监护人提交监护证明 (出生证明、户口簿等) 及身份证明并留存复印件; 委托他人陪同的, 还须提交委托书及陪同人身份证明");
    public static final RuleRef DELEGATION = RuleRef.official("MATERIALS.DELEGATION", "[FAQ2 Q43]",
            "委托他人代为申请的, 委托人出具委托书, 被委托人交验本人居民身份证原件并提交复印件");
    public static final RuleRef SELF_SERVICE = RuleRef.secondary("MATERIALS.SELF_SERVICE", "[FP-EC]",
            "申请免登记使用港澳自助通关的, 申请时签署声明 (未满16周岁由监护人签署)");

    /**
     * @param endorsements the allowed endorsements of the application
     * @param residencePermitForTour the G endorsement rests on a residence permit, not the hukou
     */
    public MaterialsChecklist checklist(ApplicationCategory category, int age, PublicRole role,
                                        List<EndorsementApplication> endorsements, Escort escort, Submitter submitter,
                                        boolean selfServiceClearance, boolean residencePermitForTour) {
        Builder list = new Builder();
        list.add(item("APPLICATION_FORM", null, "《中国公民出入境证件申请表》", "Application form for PRC citizens' exit-entry documents",
                ORIGINAL, Party.APPLICANT, List.of(), "COMMON", category == ApplicationCategory.ENDORSEMENT_ONLY ? ENDORSEMENT_MATERIALS : PERMIT_MATERIALS));
        if (category != ApplicationCategory.ENDORSEMENT_ONLY) {
            list.add(item("PHOTO", null, "出入境证件照片 (近6个月内、彩色、白色或淡蓝色背景、33mm×48mm)",
                    "Photo to the exit-entry standard (within 6 months, colour, white or light-blue background, 33 mm × 48 mm)",
                    ORIGINAL, Party.APPLICANT, List.of(), "PERMIT", PHOTO));
            list.add(identityDocument(age, role));
        } else {
            list.add(item("VALID_PERMIT", null, "有效往来港澳通行证", "Valid permit", SHOW_ORIGINAL, Party.APPLICANT, List.of(),
                    "COMMON", ENDORSEMENT_MATERIALS));
        }
        if (role.needsUnitConsent()) {
            list.add(item("UNIT_CONSENT_LETTER", null, "所属单位或上级主管单位出具的同意办理出入境证件的函",
                    "Unit's letter of consent to the application", ORIGINAL, Party.UNIT, List.of(), "COMMON", UNIT_CONSENT));
        }
        for (EndorsementApplication application : endorsements) {
            switch (application.type()) {
                case T -> familyVisit(list, application.item(), application.destination(), application.familyVisit());
                case S -> business(list, application.item(), application.business());
                case D -> stay(list, application.item(), application.destination(), application.stay());
                case Q -> other(list, application.item(), application.other().reason());
                case TALENT -> talent(list, application.item(), application.talent().category());
                case G -> {
                    if (residencePermitForTour) {
                        list.add(item("RESIDENCE_PERMIT", null, "居住证", "Residence permit", SHOW_ORIGINAL, Party.APPLICANT,
                                List.of(), application.item(), RESIDENCE_PERMIT));
                    }
                }
                case L -> {
                    // General materials only [FAQ2 Q37].
                }
            }
        }
        if (age < 16) {
            underSixteen(list, escort);
        } else if (submitter == Submitter.ENTRUSTED_PERSON) {
            list.add(item("DELEGATION_LETTER", null, "委托书", "Letter of entrustment", ORIGINAL, Party.APPLICANT, List.of(),
                    "DELEGATION", DELEGATION));
            list.add(item("DELEGATE_ID", null, "被委托人居民身份证", "Delegate's resident ID card", ORIGINAL_AND_COPY,
                    Party.DELEGATE, List.of(), "DELEGATION", DELEGATION));
        }
        if (selfServiceClearance) {
            list.add(item("SELF_SERVICE_DECLARATION", null,
                    age < 16 ? "免登记使用港澳自助通关声明 (由监护人签署)" : "免登记使用港澳自助通关声明",
                    age < 16 ? "Declaration for registration-free self-service clearance (signed by the guardian)"
                            : "Declaration for registration-free self-service clearance",
                    ORIGINAL, age < 16 ? Party.GUARDIAN : Party.APPLICANT, List.of(), "PERMIT", SELF_SERVICE));
        }
        return list.build();
    }

    public static final RuleRef ACCOMPANYING_KINSHIP = RuleRef.unconfirmed("MATERIALS.ACCOMPANYING_KINSHIP", "[FAQ1 Q6] [COND]",
            "随同申请人须证明与主申请人的配偶或亲子关系 (推断: 来源只写明可随同申请)");

    /** Materials of a spouse or child applying with the main applicant (docs/domain.md#r-t-special). */
    public MaterialsChecklist accompanyingChecklist(AccompanyingRelation relation, int age, boolean holdsValidPermit) {
        Builder list = new Builder();
        list.add(item("APPLICATION_FORM", null, "《中国公民出入境证件申请表》", "Application form for PRC citizens' exit-entry documents",
                ORIGINAL, Party.APPLICANT, List.of(), "COMMON", holdsValidPermit ? ENDORSEMENT_MATERIALS : PERMIT_MATERIALS));
        if (holdsValidPermit) {
            list.add(item("VALID_PERMIT", null, "有效往来港澳通行证", "Valid permit", SHOW_ORIGINAL, Party.APPLICANT, List.of(),
                    "COMMON", ENDORSEMENT_MATERIALS));
        } else {
            list.add(item("PHOTO", null, "出入境证件照片 (近6个月内、彩色、白色或淡蓝色背景、33mm×48mm)",
                    "Photo to the exit-entry standard (within 6 months, colour, white or light-blue background, 33 mm × 48 mm)",
                    ORIGINAL, Party.APPLICANT, List.of(), "PERMIT", PHOTO));
            list.add(identityDocument(age, PublicRole.NONE));
        }
        list.add(new MaterialItem("KINSHIP_PROOF", "MAIN_APPLICANT", "与主申请人的关系证明", "Proof of the relationship to the main applicant",
                ORIGINAL_AND_COPY, Party.APPLICANT,
                relation == AccompanyingRelation.SPOUSE ? List.of("结婚证") : List.of("出生证", "载明亲属关系的户口簿"),
                "ACCOMPANYING", ACCOMPANYING_KINSHIP));
        if (age < 16) {
            underSixteen(list, Escort.GUARDIAN);
        }
        return list.build();
    }

    private static MaterialItem identityDocument(int age, PublicRole role) {
        if (role == PublicRole.ACTIVE_MILITARY) {
            return item("IDENTITY_DOCUMENT", null, "军人身份证明 (留存复印件或扫描件)", "Military identity document (a copy or scan is kept)",
                    ORIGINAL_AND_COPY, Party.APPLICANT, List.of("军人身份证明"), "PERMIT", PERMIT_MATERIALS);
        }
        List<String> accepted = age < 16 ? List.of("居民身份证", "居民户口簿") : List.of("居民身份证");
        return item("IDENTITY_DOCUMENT", null, "居民身份证" + (age < 16 ? "或居民户口簿" : "") + " (留存复印件或扫描件)",
                "Resident ID card" + (age < 16 ? " or hukou booklet" : "") + " (a copy or scan is kept)",
                ORIGINAL_AND_COPY, Party.APPLICANT, accepted, "PERMIT", PERMIT_MATERIALS);
    }

    private static void familyVisit(Builder list, String forItem, Destination destination, FamilyVisit visit) {
        String q = destination.name();
        boolean hk = destination == Destination.HK;
        String place = hk ? "香港" : "澳门";
        switch (visit.relativeStatus()) {
            case SETTLED -> {
                if (visit.relativeForeignNational()) {
                    list.add(relative(hk ? "RELATIVE_HK_PERMANENT_ID" : "RELATIVE_MO_PERMANENT_ID", q,
                            place + "永久性居民身份证", (hk ? "HK" : "Macao") + " permanent identity card", forItem));
                    list.add(relative("RELATIVE_FOREIGN_PASSPORT", q, "外国护照", "Foreign passport", forItem));
                } else {
                    list.add(relative(hk ? "RELATIVE_HK_ID_CARD" : "RELATIVE_MO_ID_CARD", q,
                            place + "居民身份证", (hk ? "HK" : "Macao") + " identity card", forItem));
                    list.add(relative("RELATIVE_HOME_RETURN_PERMIT", q, "港澳居民来往内地通行证", "Home-return permit", forItem));
                }
            }
            case LONG_TERM_RESIDENT -> {
                if (hk) {
                    list.add(relative("RELATIVE_HK_ID_CARD", q, "香港居民身份证", "HK identity card", forItem));
                    list.add(relative("RELATIVE_HK_ENTRY_PERMIT", q, "有效期一年以上的有效香港进入许可",
                            "HK entry permit valid for at least one year", forItem));
                } else {
                    list.add(new MaterialItem("RELATIVE_MO_ID_OR_STAY_PERMIT", q, "澳门居民身份证或澳门特别逗留证",
                            "Macao identity card or special stay permit", COPY, Party.RELATIVE,
                            List.of("澳门居民身份证", "澳门特别逗留证"), forItem, FAMILY_VISIT));
                }
                list.add(relative("RELATIVE_TRAVEL_DOCUMENT", q, "有效旅行证件", "Valid travel document", forItem));
            }
            case WORKING, STUDYING -> {
                if (hk) {
                    list.add(relative("RELATIVE_HK_ENTRY_PERMIT", q, "相应的香港进入许可", "The HK entry permit for work or study", forItem));
                } else if (visit.relativeStatus() == RelativeStatus.WORKING) {
                    list.add(relative("RELATIVE_MO_WORK_APPROVAL", q, "澳门主管部门批准在澳门就业的证明文件",
                            "Macao approval of employment", forItem));
                } else {
                    list.add(new MaterialItem("RELATIVE_MO_STUDY_PROOF", q, "澳门高校录取通知书或在学证明书",
                            "Macao admission letter or enrolment certificate", COPY, Party.RELATIVE,
                            List.of("澳门高校录取通知书", "在学证明书"), forItem, FAMILY_VISIT));
                }
                list.add(relative("RELATIVE_TRAVEL_DOCUMENT", q, "有效旅行证件", "Valid travel document", forItem));
            }
        }
        MaterialItem kinship = new MaterialItem("KINSHIP_PROOF", visit.relationship().name(), "亲属关系证明",
                "Proof of kinship", ORIGINAL_AND_COPY, Party.APPLICANT,
                List.of("结婚证", "出生证", "载明亲属关系的户口簿", "户口所在地公安派出所出具的亲属关系证明",
                        "其他具有法律效力的证明 (公证书、政府或国家机关或大型事业单位的证明)"),
                forItem, KINSHIP);
        if (visit.repeatVisitSameOffice() && !visit.relationship().byMarriage()) {
            list.waive(kinship, KINSHIP_WAIVER, "再次向同一受理部门申请探望同一亲属 (repeat visit to the same relative at the same office)");
        } else {
            list.add(kinship);
        }
    }

    private static void business(Builder list, String forItem, Business business) {
        boolean staff = business.role() == BusinessRole.ENTERPRISE_STAFF;
        List<MaterialItem> items = new ArrayList<>();
        items.add(item("BUSINESS_LICENCE", null, "工商营业执照副本", "Business licence (duplicate original)", ORIGINAL_AND_COPY,
                staff ? Party.ENTERPRISE : Party.APPLICANT, List.of(), forItem, BUSINESS));
        if (staff) {
            items.add(item("STAFF_PROOF", null, "企业为本人缴纳社会保险的凭证 (申请多次须连续6个月以上) 或本人属于该企业机构的证明",
                    "Social-insurance proof (6+ consecutive months for multiple entries) or proof of employment", ORIGINAL,
                    Party.ENTERPRISE, List.of("社会保险缴纳凭证", "法人代表证", "公司章程", "劳动用工合同"), forItem, BUSINESS));
            items.add(item("BUSINESS_PURPOSE_STATEMENT", null, "企业机构出具的赴港澳商务活动事由说明",
                    "Enterprise's statement of the business purpose", ORIGINAL, Party.ENTERPRISE, List.of(), forItem, BUSINESS));
        }
        for (MaterialItem material : items) {
            if (staff && business.enterpriseFiled()) {
                list.waive(material, BUSINESS_FILED, "企业备案时已提交 (given at the enterprise's filing)");
            } else {
                list.add(material);
            }
        }
    }

    private static void stay(Builder list, String forItem, Destination destination, Stay stay) {
        if (destination == Destination.HK) {
            if (stay.extension()) {
                list.add(item("HK_EXTENSION_PERMIT", null, "香港入境事务处出具的延期许可", "HK ImmD extension of stay",
                        ORIGINAL_AND_COPY, Party.APPLICANT, List.of(), forItem, STAY));
            } else {
                list.add(item("HK_ENTRY_PERMIT", null, "香港入境事务处出具的相应进入许可", "HK ImmD entry permit",
                        ORIGINAL_AND_COPY, Party.APPLICANT, List.of(), forItem, STAY));
            }
            if (stay.viaLabourCompany() && stay.purpose() == StayPurpose.WORK) {
                list.add(item("LABOUR_SERVICE_LETTER", null, "商务主管部门出具的《关于办理内地劳务人员赴香港证件的函》",
                        "Commerce department's letter for labour-service workers to HK", ORIGINAL, Party.LABOUR_COMPANY,
                        List.of(), forItem, STAY));
            }
            return;
        }
        switch (stay.purpose()) {
            case ACCOMPANY_POSTING -> list.add(item("MO_POSTING_FORM", null, "中联办人事部出具的《驻澳门内派人员未成年子女随任身份证明表》",
                    "Liaison Office form for minor children accompanying a posting", ORIGINAL, Party.APPLICANT, List.of(), forItem, STAY));
            case STUDY -> list.add(stay.extension()
                    ? item("MO_ENROLMENT_CERTIFICATE", null, "澳门高等院校出具的在学证明", "Macao enrolment certificate", ORIGINAL,
                    Party.APPLICANT, List.of(), forItem, STAY)
                    : item("MO_ADMISSION_CONFIRMATION", null, "澳门高等教育局出具的《确认录取证明书》", "Macao confirmation of admission",
                    ORIGINAL_AND_COPY, Party.APPLICANT, List.of(), forItem, STAY));
            case WORK -> {
                list.add(stay.extension()
                        ? new MaterialItem("MO_WORK_RENEWAL", null, "《外地雇员逗留许可续期申请确认信》或有申请人姓名的批准文件",
                        "Confirmation of renewal of the non-resident worker's stay, or the approval", ORIGINAL_AND_COPY, Party.APPLICANT,
                        List.of("《外地雇员逗留许可续期申请确认信》", "澳门劳工事务局或社会文化司出具的有申请人姓名的批准文件"), forItem, STAY)
                        : new MaterialItem("MO_WORK_APPROVAL", null, "《外地雇员逗留许可申请表》或有申请人姓名的批准文件",
                        "Non-resident worker's stay application, or the approval", ORIGINAL_AND_COPY, Party.APPLICANT,
                        List.of("《外地雇员逗留许可申请表》", "澳门劳工事务局或社会文化司出具的有申请人姓名的批准文件"), forItem, STAY));
                if (stay.viaLabourCompany()) {
                    list.add(item("LABOUR_SERVICE_LETTER", null, "商务主管部门出具的《关于办理内地劳务人员赴澳门证件的函》",
                            "Commerce department's letter for labour-service workers to Macao", ORIGINAL, Party.LABOUR_COMPANY,
                            List.of(), forItem, STAY));
                }
            }
            default -> list.add(item("MO_APPROVAL_NOTICE", null, "澳门治安警察局居留及逗留事务厅出具的批准通知书",
                    "Macao approval notice for the worker's relative", ORIGINAL_AND_COPY, Party.APPLICANT, List.of(), forItem, STAY));
        }
    }

    private static void other(Builder list, String forItem, OtherReason reason) {
        if (reason == OtherReason.STAY_HOLDER_TO_OTHER_REGION) {
            list.add(item("STAY_ENDORSEMENT", null, "往来港澳通行证及逗留签注", "Permit with the stay endorsement",
                    ORIGINAL_AND_COPY, Party.APPLICANT, List.of(), forItem, OTHER));
        } else {
            list.add(item("REASON_DOCUMENTS", reason.name(), "与申请事由相关的证明材料", "Documents proving the reason",
                    ORIGINAL_AND_COPY, Party.APPLICANT, List.of(), forItem, OTHER));
        }
    }

    private static void talent(Builder list, String forItem, TalentCategory category) {
        MaterialItem employment = item("EMPLOYMENT_PROOF", null, "工作证明", "Proof of employment", ORIGINAL, Party.APPLICANT,
                List.of(), forItem, TALENT);
        switch (category) {
            case OUTSTANDING -> {
                // Outstanding talent needs no talent proof.
            }
            case RESEARCH, CULTURE_EDUCATION, HEALTH -> {
                list.add(employment);
                list.add(item("SENIOR_TITLE_PROOF", null, "副高级以上专业技术职称证明", "Proof of an associate-senior title or above",
                        ORIGINAL_AND_COPY, Party.APPLICANT, List.of(), forItem, TALENT));
            }
            case LEGAL -> list.add(employment);
            case OTHER -> {
                list.add(employment);
                list.add(new MaterialItem("POST_OR_QUALIFICATION_PROOF", null, "管理岗位或专业资格证明",
                        "Proof of a management post or professional qualification", ORIGINAL_AND_COPY, Party.APPLICANT,
                        List.of("管理岗位证明", "专业资格证明"), forItem, TALENT));
            }
            case HETAO_SHENZHEN_PARK -> list.add(item("EMPLOYMENT_PROOF", null, "在河套深圳园区工作的证明",
                    "Proof of work in the Hetao Shenzhen Park", ORIGINAL, Party.APPLICANT, List.of(), forItem, TALENT_HETAO));
        }
    }

    private static void underSixteen(Builder list, Escort escort) {
        list.add(new MaterialItem("GUARDIANSHIP_PROOF", null, "监护证明", "Proof of guardianship", ORIGINAL_AND_COPY, Party.GUARDIAN,
                List.of("出生证明", "户口簿", "派出所出具的亲属关系证明", "监护公证书"), "UNDER_16", GUARDIAN));
        list.add(item("GUARDIAN_ID", null, "监护人居民身份证等身份证明", "Guardian's identity document", ORIGINAL_AND_COPY,
                Party.GUARDIAN, List.of(), "UNDER_16", GUARDIAN));
        if (escort == Escort.ENTRUSTED_COMPANION) {
            list.add(item("GUARDIAN_ENTRUSTMENT_LETTER", null, "监护人出具的委托书", "Guardian's letter entrusting the companion",
                    ORIGINAL, Party.GUARDIAN, List.of(), "UNDER_16", GUARDIAN));
            list.add(item("COMPANION_ID", null, "陪同人居民身份证等身份证明", "Companion's identity document", ORIGINAL_AND_COPY,
                    Party.COMPANION, List.of(), "UNDER_16", GUARDIAN));
        }
    }

    private static MaterialItem relative(String code, String qualifier, String zh, String en, String forItem) {
        return new MaterialItem(code, qualifier, zh, en, COPY, Party.RELATIVE, List.of(), forItem, FAMILY_VISIT);
    }

    private static MaterialItem item(String code, String qualifier, String zh, String en, Form form, Party party,
                                     List<String> accepted, String forItem, RuleRef rule) {
        return new MaterialItem(code, qualifier, zh, en, form, party, accepted, forItem, rule);
    }

    /** Keeps one item per key: no document is asked for twice [FAQ2 Q32]. */
    private static final class Builder {
        private final Map<String, MaterialItem> items = new LinkedHashMap<>();
        private final Map<String, Waiver> waived = new LinkedHashMap<>();

        void add(MaterialItem item) {
            items.putIfAbsent(item.key(), item);
            waived.remove(item.key());
        }

        void waive(MaterialItem item, RuleRef rule, String reason) {
            if (!items.containsKey(item.key())) {
                waived.putIfAbsent(item.key(), new Waiver(item, rule, reason));
            }
        }

        MaterialsChecklist build() {
            return new MaterialsChecklist(List.copyOf(items.values()), List.copyOf(waived.values()));
        }
    }
}
