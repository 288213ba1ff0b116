package cn.hkmo.contracts.common;

/**
 * Where an endorsement is for. Hong Kong and Macao endorsements are separate items (rules.md §1).
 */
public enum Destination {
    HK,
    MO
}
