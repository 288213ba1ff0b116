package cn.hkmo.issuance.permit;

/** The form of a new permit (docs/domain.md#r-permit-form): only the electronic card is issued since 2014-09-15, booklets no longer. */
public enum CardType {
    /** 电子往来港澳通行证 (2014 version): ID-card size with a chip, endorsements printed on the back. */
    ELECTRONIC_CARD
}
