package cn.hkmo.contracts.payments;

import java.time.OffsetDateTime;

/**
 * An unpaid order closed (expired or withdrawn). Key = application number. Producer: fee-service.
 */
public record OrderClosed(
        String applicationNo,
        String orderNo,
        String reason,
        OffsetDateTime closedAt) {
    public static final String TYPE = "order.closed.v1";
}
