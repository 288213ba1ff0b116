package cn.hkmo.contracts.common;

/**
 * Where an endorsement is for. Hong Kong and Macao endorsements are separate items (docs/domain.md#r-endorsements).
 */
public enum Destination {
    HK,
    MO
}
