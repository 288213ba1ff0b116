package cn.hkmo.eligibility.rules;

/** Whether the applicant is active military or a registered state employee (docs/domain.md#r-public-roles). */
public enum PublicRole {
    NONE,
    /** 现役军人 (including armed police). */
    ACTIVE_MILITARY,
    /** 登记备案的国家工作人员. */
    REGISTERED_STATE_EMPLOYEE;

    public boolean needsUnitConsent() {
        return this != NONE;
    }
}
