package cn.hkmo.issuance.casefile;

/** The review decision (审批): pending until a reviewer approves or refuses. */
public enum Decision {
    PENDING, APPROVED, REFUSED
}
