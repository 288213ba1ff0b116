package cn.hkmo.eligibility.intake;

/** The three outcomes at the counter [FAQ2 Q47]. */
public enum Decision {
    /** 受理: receipt issued. */
    ACCEPTED,
    /** 一次性告知: everything to correct, at once. */
    INCOMPLETE,
    /** 不予受理: outside the office's remit, with reasons. */
    NOT_ACCEPTED
}
