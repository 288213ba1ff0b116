package cn.hkmo.eligibility.rules.familyvisit;

/** Who may apply together with a family-visit applicant (随同申请) (docs/domain.md#r-t-special). */
public enum AccompanyingRelation {
    SPOUSE,
    /** A child under 18. */
    CHILD
}
