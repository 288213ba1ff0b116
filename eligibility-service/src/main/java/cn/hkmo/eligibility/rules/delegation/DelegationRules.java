package cn.hkmo.eligibility.rules.delegation;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.endorsement.BusinessRole;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.StayPurpose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whether someone else may hand in the application (docs/domain.md#r-delegation [FAQ2 Q41–46]). */
public final class DelegationRules {

    public static final RuleRef IN_PERSON = RuleRef.official("DELEGATION.IN_PERSON", "[FAQ2 Q45]",
            "申请往来港澳通行证和签注, 须由本人向出入境管理部门提出, 另有规定的除外");
    public static final RuleRef PERMIT_IN_PERSON = RuleRef.official("DELEGATION.PERMIT", "[DELEG14] [FAQ2 Q45]",
            "申请通行证 (含首次申请电子通行证) 须本人到场, 留存照片和指纹");
    public static final RuleRef UNDER_16 = RuleRef.official("DELEGATION.UNDER_16", "[FAQ2 Q41] [FAQ2 Q42]",
            "未满16周岁人员不可代办, 由监护人或监护人委托他人陪同申请");
    public static final RuleRef IN_HK_MO = RuleRef.official("DELEGATION.IN_HK_MO", "[FAQ2 Q43] [FAQ2 Q46]",
            "申请人在港澳地区的, 不得委托他人代为申请通行证和签注");
    public static final RuleRef ORIGINAL_OFFICE = RuleRef.official("DELEGATION.ORIGINAL_OFFICE", "[FAQ2 Q43] [FAQ2 Q45]",
            "已持有效通行证, 在原通行证或原签注受理部门申请签注的, 可委托他人代为申请 (委托书; 被委托人交验本人身份证原件并提交复印件)");
    public static final RuleRef TOURISM_IN_PERSON = RuleRef.official("DELEGATION.TOURISM", "[FAQ2 Q43] [FAQ2 Q45]",
            "自2019-08-02起暂停受理委托他人代办赴港澳台旅游签注, 须由本人提出");
    public static final RuleRef LABOUR_COMPANY = RuleRef.official("DELEGATION.LABOUR", "[FAQ2 Q44] [FAQ2 Q45]",
            "通过劳务经营公司赴港澳就业 (含在港澳期间续签) 的逗留签注, 可由已备案印章和负责人签名的劳务经营公司代为申请");
    public static final RuleRef FILED_ENTERPRISE = RuleRef.official("DELEGATION.ENTERPRISE", "[FAQ2 Q45]",
            "已持有效通行证, 通过港澳商务备案机构申请商务签注的, 可由备案企业机构代为申请");
    public static final RuleRef CHINA_TRAVEL_SERVICE = RuleRef.official("DELEGATION.CTS", "[FAQ2 Q45]",
            "在香港或澳门向深圳或珠海签证办提出申请的, 可通过港澳中国旅行社提交申请材料");

    public static final LocalDate TOURISM_IN_PERSON_FROM = LocalDate.of(2019, 8, 2);
    /** The cities of the Shenzhen and Zhuhai visa offices (深圳、珠海签证办), GB/T 2260. */
    private static final Set<String> VISA_OFFICE_CITIES = Set.of("440300", "440400");
    private static final String VISA_OFFICE_CONDITION = "仅限向深圳或珠海签证办提出的申请 (only applications to the Shenzhen or Zhuhai visa office)";
    private static final String ORIGINAL_OFFICE_CONDITION = "仅限原通行证或原签注受理部门 (only at the office that issued the permit or the last endorsement)";

    /**
     * @param office           the office applied at; null for a general answer, whose delegates carry their condition
     * @param atOriginalOffice the office issued the permit or the last endorsement; null if unknown
     */
    public Attendance decide(ApplicationCategory category, List<EndorsementApplication> endorsements, int age,
                             boolean applicantInHkMacao, Region office, Boolean atOriginalOffice, Submitter submitter,
                             LocalDate date) {
        List<RuleRef> notes = new ArrayList<>(List.of(IN_PERSON));
        List<DelegateOption> delegates = new ArrayList<>();
        boolean escort = age < 16;
        if (escort) {
            notes.add(UNDER_16);
        } else if (applicantInHkMacao) {
            notes.add(IN_HK_MO);
            if (office == null) {
                delegates.add(new DelegateOption(Submitter.CHINA_TRAVEL_SERVICE, CHINA_TRAVEL_SERVICE, VISA_OFFICE_CONDITION));
            } else if (VISA_OFFICE_CITIES.contains(office.city())) {
                delegates.add(new DelegateOption(Submitter.CHINA_TRAVEL_SERVICE, CHINA_TRAVEL_SERVICE, null));
            } else {
                notes.add(CHINA_TRAVEL_SERVICE);
            }
        } else if (category != ApplicationCategory.ENDORSEMENT_ONLY) {
            notes.add(PERMIT_IN_PERSON);
        } else {
            delegates.addAll(endorsementDelegates(endorsements, atOriginalOffice, date, notes));
        }
        Submitter by = submitter == null ? Submitter.APPLICANT : submitter;
        List<Reason> refusals = new ArrayList<>();
        if (by != Submitter.APPLICANT && delegates.stream().noneMatch(option -> option.submitter() == by)) {
            RuleRef rule = by == Submitter.CHINA_TRAVEL_SERVICE && notes.contains(CHINA_TRAVEL_SERVICE)
                    ? CHINA_TRAVEL_SERVICE : notes.get(notes.size() - 1);
            refusals.add(new Reason("DELEGATION_NOT_ALLOWED", rule,
                    by + " may not hand in this application; the applicant must apply in person."));
        }
        return new Attendance(delegates.isEmpty(), delegates, escort, refusals, notes);
    }

    /** The submitters every endorsement of the application allows. */
    private List<DelegateOption> endorsementDelegates(List<EndorsementApplication> endorsements, Boolean atOriginalOffice,
                                                      LocalDate date, List<RuleRef> notes) {
        Map<Submitter, DelegateOption> common = null;
        for (EndorsementApplication application : endorsements) {
            Map<Submitter, DelegateOption> allowed = new EnumMap<>(Submitter.class);
            boolean tourism = application.type() == EndorsementType.G || application.type() == EndorsementType.L;
            if (tourism && !date.isBefore(TOURISM_IN_PERSON_FROM)) {
                addOnce(notes, TOURISM_IN_PERSON);
            } else if (Boolean.FALSE.equals(atOriginalOffice)) {
                addOnce(notes, ORIGINAL_OFFICE);
            } else {
                allowed.put(Submitter.ENTRUSTED_PERSON, new DelegateOption(Submitter.ENTRUSTED_PERSON, ORIGINAL_OFFICE,
                        atOriginalOffice == null ? ORIGINAL_OFFICE_CONDITION : null));
            }
            if (application.type() == EndorsementType.D && application.stay().viaLabourCompany()
                    && application.stay().purpose() == StayPurpose.WORK) {
                allowed.put(Submitter.LABOUR_COMPANY, new DelegateOption(Submitter.LABOUR_COMPANY, LABOUR_COMPANY,
                        "劳务经营公司须已向所在地出入境管理部门备案公司印章和负责人签名"));
            }
            if (application.type() == EndorsementType.S && application.business().enterpriseFiled()
                    && application.business().role() == BusinessRole.ENTERPRISE_STAFF) {
                allowed.put(Submitter.FILED_ENTERPRISE, new DelegateOption(Submitter.FILED_ENTERPRISE, FILED_ENTERPRISE, null));
            }
            if (common == null) {
                common = allowed;
            } else {
                Set<Submitter> keep = EnumSet.noneOf(Submitter.class);
                keep.addAll(allowed.keySet());
                common.keySet().retainAll(keep);
            }
        }
        return common == null ? List.of() : new ArrayList<>(common.values());
    }

    private static void addOnce(List<RuleRef> notes, RuleRef rule) {
        if (!notes.contains(rule)) {
            notes.add(rule);
        }
    }
}
