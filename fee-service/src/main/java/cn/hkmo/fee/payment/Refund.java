package cn.hkmo.fee.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One refund request, by the requester's number; done once whatever the retries. */
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

    @Column(name = "refunded_at", nullable = false)
    public OffsetDateTime refundedAt;
}
