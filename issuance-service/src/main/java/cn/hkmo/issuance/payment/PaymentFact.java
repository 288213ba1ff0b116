package cn.hkmo.issuance.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A fee assessment, payment or refund reported by fee-service, kept per application number even before the case
 * exists: the payment may overtake the acceptance (and its assessment) on its way through Kafka.
 */
@Entity
@Table(name = "payment_fact")
public class PaymentFact {

    public enum Kind {
        ASSESSED, PAID, REFUNDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String applicationNo;
    private String orderNo;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private long amountFen;
    /** Order number of an assessment, channel trade number of a payment, refund number of a refund. */
    @Column(name = "reference_no")
    private String reference;
    private OffsetDateTime occurredAt;

    protected PaymentFact() {
    }

    public PaymentFact(String applicationNo, String orderNo, Kind kind, long amountFen, String reference,
                       OffsetDateTime occurredAt) {
        this.applicationNo = applicationNo;
        this.orderNo = orderNo;
        this.kind = kind;
        this.amountFen = amountFen;
        this.reference = reference;
        this.occurredAt = occurredAt;
    }

    public String applicationNo() { return applicationNo; }
    public String orderNo() { return orderNo; }
    public String reference() { return reference; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public Kind kind() { return kind; }
    public long amountFen() { return amountFen; }
}
