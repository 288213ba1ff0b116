package cn.hkmo.fee.payment;

/**
 * Where a refund stands. A counter refund starts {@code AWAITING_APPROVAL}: cash leaves the hall only once a second
 * member of staff approves it. {@code REQUESTED} is recorded before the platform is called. Both count against what
 * is refundable until the refund ends: {@code REFUNDED} when the platform confirms or the approval pays the cash out,
 * or {@code REJECTED} when the platform refuses (then it no longer counts). A counter refund still awaiting approval
 * can be {@code WITHDRAWN} (no cash moved; it no longer counts either). The three ends are final for the refund number.
 */
public enum RefundStatus {
    AWAITING_APPROVAL,
    REQUESTED,
    REFUNDED,
    REJECTED,
    WITHDRAWN
}
