package cn.hkmo.fee.payment;

import java.time.OffsetDateTime;

/**
 * A refund as the API shows it; amounts in fen.
 *
 * @param refundedAt       set once {@code REFUNDED}
 * @param rejectedCode     the platform's reason when {@code REJECTED}
 * @param orderRefundedFen everything refunded on the order so far (settled refunds only)
 */
public record RefundView(String refundNo, String orderNo, long amountFen, String reason, RefundStatus status,
                         OffsetDateTime requestedAt, OffsetDateTime refundedAt, String rejectedCode,
                         long orderRefundedFen) {

    static RefundView of(Refund refund, PaymentOrder order) {
        return new RefundView(refund.refundNo, refund.orderNo, refund.amountFen, refund.reason, refund.status,
                refund.requestedAt, refund.refundedAt, refund.rejectedCode, order.refundedFen);
    }
}
