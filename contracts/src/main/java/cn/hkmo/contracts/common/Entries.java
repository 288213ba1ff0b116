package cn.hkmo.contracts.common;

/**
 * Number of entries an endorsement allows (一次/二次/多次有效).
 */
public enum Entries {
    SINGLE,
    DOUBLE,
    MULTIPLE
}
