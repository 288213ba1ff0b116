package cn.hkmo.fee.payment;

import cn.hkmo.fee.quote.QuoteLine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An order as the API shows it; amounts in fen. */
public record OrderView(
        String orderNo,
        String applicationNo,
        String hallId,
        OrderStatus status,
        long totalFen,
        long refundedFen,
        LocalDate pricedOn,
        int scheduleVersion,
        List<QuoteLine> lines,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime paidAt,
        OffsetDateTime closedAt,
        String closeReason) {

    static OrderView of(PaymentOrder order) {
        return new OrderView(order.orderNo, order.applicationNo, order.hallId, order.status, order.totalFen,
                order.refundedFen, order.pricedOn, order.scheduleVersion,
                order.lines.stream().map(OrderLine::toQuoteLine).toList(), order.createdAt, order.expiresAt,
                order.paidAt, order.closedAt, order.closeReason);
    }
}
