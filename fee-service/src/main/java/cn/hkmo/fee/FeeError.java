package cn.hkmo.fee;

import cn.hkmo.kit.problem.ErrorCode;

/** The fee service's stable error codes; messages in {@code problems.properties} and {@code problems_en.properties}. */
public enum FeeError implements ErrorCode {
    QUOTE_EMPTY(400),
    INVALID_VALIDITY(400),
    DUPLICATE_DESTINATION(400),
    SCHEDULE_INCOMPLETE(400),
    NO_FEE_IN_FORCE(422),
    SCHEDULE_NOT_LATER(409),
    APPLICATION_NOT_FOUND(404),
    ORDER_NOT_FOUND(404),
    ORDER_NOT_PAYABLE(409),
    ORDER_NOT_PAID(409),
    /** The mobile-web cashier may send the citizen back only to one of our own H5 origins. */
    RETURN_URL_NOT_ALLOWED(400),
    COUNTER_AMOUNT_MISMATCH(422),
    REFUND_EXCEEDS_PAID(422),
    REFUND_NO_REUSED(422),
    REFUND_NOT_FOUND(404),
    /** Four eyes: the requester of a counter refund may not approve it. */
    REFUND_SELF_APPROVAL(403),
    REFUND_NOT_AWAITING_APPROVAL(409),
    /** The refund is recorded but the platform's answer is missing: retry with the same number, or let reconciliation finish it. */
    REFUND_PENDING(503),
    /** A notify without a declared length: its size cannot be checked before it is read. */
    NOTIFY_LENGTH_REQUIRED(411),
    /** Signature or content did not verify; the platform retries anything but {@code success}. */
    NOTIFY_REFUSED(400),
    NOTIFY_TOO_LARGE(413),
    PAYMENT_PLATFORM_REJECTED(502),
    PAYMENT_PLATFORM_UNAVAILABLE(503);

    private final int status;

    FeeError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
