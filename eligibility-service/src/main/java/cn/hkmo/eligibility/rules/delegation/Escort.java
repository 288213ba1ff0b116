package cn.hkmo.eligibility.rules.delegation;

/** Who accompanies an applicant under 16 [FAQ2 Q41]. */
public enum Escort {
    /** The guardian (监护人). */
    GUARDIAN,
    /** A person the guardian entrusts (监护人委托他人陪同). */
    ENTRUSTED_COMPANION
}
