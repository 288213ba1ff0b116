package cn.hkmo.contracts.common;

/**
 * How the citizen receives the permit (领取方式).
 */
public enum CollectionMethod {
    /** 现场领取 at the hall. */
    HALL,
    /** 邮政速递 EMS mail. */
    EMS
}
