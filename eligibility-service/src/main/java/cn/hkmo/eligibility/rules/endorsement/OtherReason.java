package cn.hkmo.eligibility.rules.endorsement;

/** Reasons for the other (Q) endorsement (docs/domain.md#r-endorsement-types, [FAQ2 Q40]). */
public enum OtherReason {
    MEDICAL_TREATMENT,
    FUNERAL,
    VISIT_CRITICALLY_ILL,
    LITIGATION,
    EXAMINATION,
    PROPERTY,
    ACADEMIC_EXCHANGE,
    /** Holder of a D for one SAR going to the other while there. */
    STAY_HOLDER_TO_OTHER_REGION,
    /** Any other special reason with documents. */
    OTHER_SPECIAL
}
