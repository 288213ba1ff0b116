package cn.hkmo.eligibility.rules.materials;

/** Whose document it is. */
public enum Party {
    APPLICANT,
    /** The relative in HK/Macao (family visit). */
    RELATIVE,
    GUARDIAN,
    /** The person the guardian entrusts to accompany an under-16. */
    COMPANION,
    /** The person the applicant entrusts to hand in the application. */
    DELEGATE,
    /** The applicant's work unit (military, state employees). */
    UNIT,
    /** The enterprise (business endorsement). */
    ENTERPRISE,
    /** The labour-service company (stay endorsement for work). */
    LABOUR_COMPANY
}
