package cn.hkmo.fee.payment;

import cn.hkmo.contracts.payments.OrderClosed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.quote.Quote;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The fee of one accepted application and where its payment stands. */
@Entity
@Table(name = "payment_order")
public class PaymentOrder {

    @Id
    @Column(name = "order_no")
    public String orderNo;

    @Column(name = "application_no", nullable = false, unique = true)
    public String applicationNo;

    @Column(name = "citizen_subject", nullable = false)
    public String citizenSubject;

    @Column(name = "hall_id", nullable = false)
    public String hallId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "total_fen", nullable = false)
    public long totalFen;

    @Column(name = "refunded_fen", nullable = false)
    public long refundedFen;

    @Column(name = "priced_on", nullable = false)
    public LocalDate pricedOn;

    @Column(name = "schedule_version", nullable = false)
    public int scheduleVersion;

    @Column(name = "alipay_trade_no")
    public String alipayTradeNo;

    /** When a mobile-web cashier was first handed out for this order (the trade's number comes with the payment). */
    @Column(name = "alipay_cashier_at")
    public OffsetDateTime alipayCashierAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_no"))
    @OrderColumn(name = "line_no")
    public List<OrderLine> lines = new ArrayList<>();

    static PaymentOrder open(String orderNo, String applicationNo, String citizenSubject, String hallId, Quote quote,
                             OffsetDateTime now, OffsetDateTime expiresAt) {
        PaymentOrder order = new PaymentOrder();
        order.orderNo = orderNo;
        order.applicationNo = applicationNo;
        order.citizenSubject = citizenSubject;
        order.hallId = hallId;
        order.status = OrderStatus.UNPAID;
        order.totalFen = quote.totalFen();
        order.pricedOn = quote.pricedOn();
        order.scheduleVersion = quote.scheduleVersion();
        order.lines = new ArrayList<>(quote.lines().stream().map(OrderLine::of).toList());
        order.createdAt = now;
        order.expiresAt = expiresAt;
        return order;
    }

    /** A citizen or officer may still start a payment. */
    void requirePayable(OffsetDateTime now) {
        if (status != OrderStatus.UNPAID || !now.isBefore(expiresAt)) {
            throw new ProblemException(FeeError.ORDER_NOT_PAYABLE, orderNo, status);
        }
    }

    /** A trade may exist on the platform: opened by the mini-program, or by the citizen in a mobile-web cashier. */
    boolean alipayTradeMayExist() {
        return alipayTradeNo != null || alipayCashierAt != null;
    }

    /** Money arrived in full. An expired order reopens: the payment is real, so the order must say so. */
    PaymentCompleted markPaid(Payment payment) {
        status = OrderStatus.PAID;
        paidAt = payment.paidAt;
        closedAt = null;
        closeReason = null;
        return new PaymentCompleted(applicationNo, orderNo, payment.amountFen, payment.channel.name(),
                payment.channelTradeNo, payment.paidAt, citizenSubject);
    }

    OrderClosed close(String reason, OffsetDateTime now) {
        status = OrderStatus.CLOSED;
        closedAt = now;
        closeReason = reason;
        return new OrderClosed(applicationNo, orderNo, reason, now);
    }

    /** @param pendingFen refunds asked for and not yet settled or refused: they may still go through */
    long refundableFen(long pendingFen) {
        return status.wasPaid() ? totalFen - refundedFen - pendingFen : 0;
    }

    /** A refund settled: the order says how much of its money went back. */
    PaymentRefunded refunded(Refund refund, OffsetDateTime refundedAt) {
        refundedFen += refund.amountFen;
        status = refundedFen >= totalFen ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        return new PaymentRefunded(applicationNo, orderNo, refund.refundNo, refund.amountFen, refund.reason,
                refundedAt, citizenSubject);
    }
}
