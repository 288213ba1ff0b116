package cn.hkmo.fee.payment;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.fee.quote.QuoteLine;
import cn.hkmo.fee.schedule.FeeItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A quote line frozen into the order: what was charged and by which rule. */
@Embeddable
public class OrderLine {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeeItem item;

    @Enumerated(EnumType.STRING)
    public Destination destination;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String rule;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    static OrderLine of(QuoteLine line) {
        OrderLine orderLine = new OrderLine();
        orderLine.item = line.item();
        orderLine.destination = line.destination();
        orderLine.description = line.description();
        orderLine.rule = line.rule();
        orderLine.legalBasis = line.legalBasis();
        orderLine.amountFen = line.amountFen();
        return orderLine;
    }

    QuoteLine toQuoteLine() {
        return new QuoteLine(item, destination, description, rule, legalBasis, amountFen);
    }
}
