package cn.hkmo.contracts.payments;

import java.time.OffsetDateTime;

/**
 * Money went back to the payer for one refund request. Key = application number. Producer: fee-service.
 */
public record PaymentRefunded(
        String applicationNo,
        String orderNo,
        String refundNo,
        long amountFen,
        String reason,
        OffsetDateTime refundedAt) {
    public static final String TYPE = "payment.refunded.v1";
}
