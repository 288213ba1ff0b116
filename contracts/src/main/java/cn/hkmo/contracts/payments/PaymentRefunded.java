package cn.hkmo.contracts.payments;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

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
        OffsetDateTime refundedAt,
        @JsonPropertyDescription("The citizen's subject (who is told); absent in events from before it existed")
        String subject) {
    public static final String TYPE = "payment.refunded.v1";

    /** The shape before {@code subject}: the payer unknown to consumers. New producers fill it. */
    @Deprecated
    public PaymentRefunded(String applicationNo, String orderNo, String refundNo, long amountFen, String reason,
                           OffsetDateTime refundedAt) {
        this(applicationNo, orderNo, refundNo, amountFen, reason, refundedAt, null);
    }
}
