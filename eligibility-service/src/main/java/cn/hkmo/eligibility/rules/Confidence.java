package cn.hkmo.eligibility.rules;

/** How far a rule's source can be trusted: the markers of docs/domain.md. UNCONFIRMED rules are configurable. */
public enum Confidence {
    OFFICIAL,
    SECONDARY,
    LOW,
    UNCONFIRMED
}
