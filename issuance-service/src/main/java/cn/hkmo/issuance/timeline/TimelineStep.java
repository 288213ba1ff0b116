package cn.hkmo.issuance.timeline;

/** A step of the citizen's timeline, in process order (the tie-breaker for steps at the same instant). */
public enum TimelineStep {
    BOOKED,
    RESCHEDULED,
    BOOKING_CANCELLED,
    CHECKED_IN,
    CORRECTION_REQUESTED,
    NOT_ACCEPTED,
    ACCEPTED,
    UNDER_REVIEW,
    FEE_ASSESSED,
    PAID,
    REFUNDED,
    DEADLINE_EXTENDED,
    /** A holiday notice moved a provisional deadline. */
    DEADLINE_RECOMPUTED,
    APPROVED,
    REFUSED,
    ISSUED,
    READY_FOR_COLLECTION,
    /** The hall keeps the permit only until {@code collectBy}: the citizen was reminded. */
    COLLECTION_DEADLINE_NEAR,
    DISPATCHED,
    DELIVERED,
    COLLECTED
}
