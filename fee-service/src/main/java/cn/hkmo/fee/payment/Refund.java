package cn.hkmo.fee.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One refund request, by the requester's number: recorded first, then settled or rejected once whatever the retries. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    @Column(name = "refund_no")
    public String refundNo;

    @Column(name = "order_no", nullable = false)
    public String orderNo;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(nullable = false)
    public String reason;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundStatus status;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    /** When the platform was last asked; the reconciliation leaves an intent alone for a while after it. */
    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;

    @Column(name = "settled_by")
    public String settledBy;

    /** Who approved a counter refund: never its requester (four eyes; the table checks it too). */
    @Column(name = "approved_by")
    public String approvedBy;

    /** Who withdrew a counter refund before its approval, and why. */
    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The platform's {@code sub_code} and {@code sub_msg} of a refusal. */
    @Column(name = "rejected_code")
    public String rejectedCode;

    @Column(name = "rejected_msg")
    public String rejectedMsg;
}
