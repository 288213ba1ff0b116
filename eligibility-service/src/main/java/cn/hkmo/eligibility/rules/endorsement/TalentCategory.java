package cn.hkmo.eligibility.rules.endorsement;

import java.time.Period;

/** Talent categories and the validity each gets (docs/domain.md#r-endorsement-types). */
public enum TalentCategory {
    /** 杰出人才. */
    OUTSTANDING(Period.ofYears(5)),
    /** 科研人才. */
    RESEARCH(Period.ofYears(3)),
    /** 文教人才. */
    CULTURE_EDUCATION(Period.ofYears(3)),
    /** 卫健人才. */
    HEALTH(Period.ofYears(3)),
    /** 法律人才. */
    LEGAL(Period.ofYears(1)),
    /** 其他人才 (management talent in 2024). */
    OTHER(Period.ofYears(1)),
    /** 河套深港科技创新合作区深圳园区 staff, from 2025-11-05, no talent proof. */
    HETAO_SHENZHEN_PARK(Period.ofYears(3));

    private final Period validity;

    TalentCategory(Period validity) {
        this.validity = validity;
    }

    public Period validity() {
        return validity;
    }
}
