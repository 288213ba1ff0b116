package cn.hkmo.issuance.timeline;

/** A step of the citizen's timeline, in process order (the tie-breaker for steps at the same instant). */
public enum TimelineStep {
    BOOKED,
    RESCHEDULED,
    BOOKING_CANCELLED,
    /** The citizen did not come in the booked window (爽约); repeated ones restrict online booking (appointment-service). */
    NO_SHOW,
    CHECKED_IN,
    CORRECTION_REQUESTED,
    NOT_ACCEPTED,
    ACCEPTED,
    UNDER_REVIEW,
    FEE_ASSESSED,
    PAID,
    DEADLINE_EXTENDED,
    /** A holiday notice moved a provisional deadline. */
    DEADLINE_RECOMPUTED,
    APPROVED,
    REFUSED,
    /** After the refusal it follows (docs/domain.md#r-refusal-refund), and after a payment it gives back. */
    REFUNDED,
    ISSUED,
    READY_FOR_COLLECTION,
    /** The hall keeps the permit only until {@code collectBy}: the citizen was reminded. */
    COLLECTION_DEADLINE_NEAR,
    DISPATCHED,
    /** EMS scanned the permit on the way (运输中), with the place. */
    IN_TRANSIT,
    /** With the postman (派送中). */
    OUT_FOR_DELIVERY,
    /** EMS could not deliver and sends the permit back to the hall (退回). */
    MAIL_RETURNED,
    DELIVERED,
    COLLECTED
}
