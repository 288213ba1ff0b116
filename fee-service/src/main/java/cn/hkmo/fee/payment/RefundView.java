package cn.hkmo.fee.payment;

import java.time.OffsetDateTime;

/**
 * A refund as the API shows it; amounts in fen.
 *
 * @param requestedBy      who asked for it: the staff member's subject, or {@code refusal:<decision number>} for the
 *                         refund a refusal starts (docs/domain.md#r-refusal-refund)
 * @param approvedBy       who approved a counter refund, a different person
 * @param withdrawnBy      who withdrew a counter refund before its approval (the requester or another), with the reason
 * @param refundedAt       set once {@code REFUNDED}
 * @param rejectedCode     the platform's reason when {@code REJECTED}
 * @param orderRefundedFen everything refunded on the order so far (settled refunds only)
 */
public record RefundView(String refundNo, String orderNo, long amountFen, String reason, RefundStatus status,
                         String requestedBy, String approvedBy, String withdrawnBy, String withdrawalReason,
                         OffsetDateTime requestedAt, OffsetDateTime refundedAt, String rejectedCode, long orderRefundedFen) {

    static RefundView of(Refund refund, PaymentOrder order) {
        return new RefundView(refund.refundNo, refund.orderNo, refund.amountFen, refund.reason, refund.status,
                refund.requestedBy, refund.approvedBy, refund.withdrawnBy, refund.withdrawalReason, refund.requestedAt,
                refund.refundedAt, refund.rejectedCode, order.refundedFen);
    }
}
