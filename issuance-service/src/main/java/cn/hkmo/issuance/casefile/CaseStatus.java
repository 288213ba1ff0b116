package cn.hkmo.issuance.casefile;

/**
 * Where a case stands. Approval and payment arrive in any order while OPENED; issuance happens only
 * when both are there. REFUSED, DELIVERED and COLLECTED are final.
 *
 * <pre>
 * OPENED ──(approved and paid)──▶ ISSUED (EMS) ──▶ DISPATCHED ──▶ DELIVERED
 *    │                              ▲ │ (delivery method changed before dispatch)
 *    │                              │ ▼
 *    │                       READY_FOR_COLLECTION (hall) ──▶ COLLECTED
 *    └──(refused)──▶ REFUSED
 * </pre>
 */
public enum CaseStatus {
    OPENED, REFUSED, ISSUED, READY_FOR_COLLECTION, DISPATCHED, DELIVERED, COLLECTED;

    /** Still counting against the statutory deadline: not yet issued or refused. */
    public boolean pending() {
        return this == OPENED;
    }
}
