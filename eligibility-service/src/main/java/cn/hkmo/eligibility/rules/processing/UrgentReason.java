package cn.hkmo.eligibility.rules.processing;

/** Urgent reasons for priority handling (急事急办) [FAQ2 Q53] [URG19]. */
public enum UrgentReason {
    /** 奔丧. */
    FUNERAL,
    /** 治疗重症. */
    SERIOUS_ILLNESS_TREATMENT,
    /** 探望危重病人. */
    VISIT_CRITICALLY_ILL,
    /** 处理境外突发事件. */
    EMERGENCY_ABROAD,
    /** 出境参加紧急会议和谈判. */
    URGENT_MEETING_OR_NEGOTIATION,
    /** 签订合同. */
    CONTRACT_SIGNING,
    /** 出国留学报到时间临近. */
    STUDY_ABROAD_REPORTING,
    /** 行前证件遗失损毁. */
    DOCUMENT_LOST_BEFORE_TRAVEL,
    /** 外国入境许可或签证即将到期 (the 2019 list of seven). */
    FOREIGN_VISA_EXPIRING
}
