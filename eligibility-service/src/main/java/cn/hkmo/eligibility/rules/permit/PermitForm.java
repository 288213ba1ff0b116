package cn.hkmo.eligibility.rules.permit;

/** The two forms of the permit (docs/domain.md#r-permit-form). */
public enum PermitForm {
    /** 电子往来港澳通行证, the card issued since 2014-09-15. */
    CARD,
    /** 本式, the old booklet; the last ones expired 2019-09-13. */
    BOOKLET
}
