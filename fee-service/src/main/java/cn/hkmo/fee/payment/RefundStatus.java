package cn.hkmo.fee.payment;

/**
 * Where a refund stands. {@code REQUESTED} is recorded before the platform is called and counts against what is
 * refundable until it ends; it ends {@code REFUNDED} when the platform confirms, or {@code REJECTED} when the
 * platform refuses (then it no longer counts). Both ends are final for the refund number.
 */
public enum RefundStatus {
    REQUESTED,
    REFUNDED,
    REJECTED
}
