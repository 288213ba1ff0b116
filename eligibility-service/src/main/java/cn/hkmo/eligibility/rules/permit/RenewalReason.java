package cn.hkmo.eligibility.rules.permit;

/** Grounds for renewal (换发) or reissue (补发) [FAQ2 Q48]. */
public enum RenewalReason {
    /** (1) 损毁. */
    DAMAGED,
    /** (1) 遗失或者被盗抢: a reissue (补发). */
    LOST_OR_STOLEN,
    /** (2) 有效期不足 6 个月. */
    EXPIRING,
    /** (2) 短于拟申请签注有效期. */
    SHORTER_THAN_ENDORSEMENT,
    /** (3) 个人身份信息变更. */
    IDENTITY_DATA_CHANGED,
    /** (4) 补充申请免登记使用港澳自助通关服务. */
    ADD_SELF_SERVICE_CLEARANCE,
    /** (5) 持本式通行证需换发电子通行证. */
    BOOKLET_TO_CARD,
    /** (6) 其他确需换发、补发的情形. */
    OTHER_NEED
}
