package cn.hkmo.fee.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A notify as received and what was made of it: accepted, duplicate, or rejected and why. */
@Entity
@Table(name = "notify_audit")
public class NotifyAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "out_trade_no")
    public String outTradeNo;

    @Column(name = "trade_no")
    public String tradeNo;

    @Column(name = "notify_id")
    public String notifyId;

    @Column(name = "trade_status")
    public String tradeStatus;

    @Column(nullable = false)
    public String outcome;

    public String detail;

    /**
     * The parameters as JSON: all of them (signature included) for a notify that verified, only the known
     * fields, bounded, for a refused one (anyone can post those).
     */
    @Column(nullable = false, columnDefinition = "text")
    public String params;

    /** Parameters of a refused notify that are not Alipay notify fields, counted instead of stored. */
    @Column(name = "dropped_fields", nullable = false)
    public int droppedFields;

    /** The declared length of the request body. */
    @Column(name = "request_bytes")
    public Long requestBytes;
}
