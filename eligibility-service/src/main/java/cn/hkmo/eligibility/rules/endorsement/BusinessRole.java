package cn.hkmo.eligibility.rules.endorsement;

/** Who applies for a business (S) endorsement (docs/domain.md#r-endorsement-types). */
public enum BusinessRole {
    /** 企业机构人员. */
    ENTERPRISE_STAFF,
    /** 个体工商户经营者. */
    INDIVIDUAL_BUSINESS,
    /** 粤港/粤澳直通车辆驾驶员. */
    VEHICLE_DRIVER
}
