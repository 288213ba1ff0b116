package cn.hkmo.contracts.common;

/**
 * What is applied for at the counter (申请类别). ENDORSEMENT_ONLY is a re-endorsement on a valid permit.
 */
public enum ApplicationCategory {
    /** 首次申请. */
    FIRST_APPLICATION,
    /** 失效重新申领: the previous permit became invalid. */
    REAPPLICATION,
    /** 补发: lost or stolen. */
    REISSUE,
    /** 换发: damaged, expiring, data changed, etc. */
    RENEWAL,
    /** 再次签注: endorsements on the permit the applicant already holds. */
    ENDORSEMENT_ONLY
}
