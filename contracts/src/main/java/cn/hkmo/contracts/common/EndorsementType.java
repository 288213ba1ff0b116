package cn.hkmo.contracts.common;

/**
 * Endorsement types (签注种类), docs/domain.md#r-endorsement-types. The talent letter is UNCONFIRMED, hence the name TALENT.
 */
public enum EndorsementType {
    /** 探亲 family visit. */
    T,
    /** 商务 business. */
    S,
    /** 团队旅游 group tour. */
    L,
    /** 个人旅游 individual tour. */
    G,
    /** 逗留 stay (study, work, dependants). */
    D,
    /** 其他 other reasons. */
    Q,
    /** 人才签注 talent. */
    TALENT
}
