package cn.hkmo.contracts.payments;

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
        OffsetDateTime paidAt) {
    public static final String TYPE = "payment.completed.v1";
}
