package cn.hkmo.fee.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The one payment of an order (the table allows no second). */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_no", nullable = false, unique = true)
    public String orderNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** Alipay's {@code trade_no}, or the counter's receipt number. */
    @Column(name = "channel_trade_no", nullable = false)
    public String channelTradeNo;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Column(name = "paid_at", nullable = false)
    public OffsetDateTime paidAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
