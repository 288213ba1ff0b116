package cn.hkmo.contracts.payments;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.time.OffsetDateTime;

/**
 * The order was paid in full (third-party platform or counter). Key = application number. Producer: fee-service.
 */
public record PaymentCompleted(
        String applicationNo,
        String orderNo,
        long amountFen,
        String channel,
        String channelTradeNo,
        OffsetDateTime paidAt,
        @JsonPropertyDescription("The citizen's subject (who is told); absent in events from before it existed")
        String subject) {
    public static final String TYPE = "payment.completed.v1";

    /** The shape before {@code subject}: the payer unknown to consumers. New producers fill it. */
    @Deprecated
    public PaymentCompleted(String applicationNo, String orderNo, long amountFen, String channel, String channelTradeNo,
                            OffsetDateTime paidAt) {
        this(applicationNo, orderNo, amountFen, channel, channelTradeNo, paidAt, null);
    }
}
