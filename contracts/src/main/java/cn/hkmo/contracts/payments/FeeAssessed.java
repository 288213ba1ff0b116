package cn.hkmo.contracts.payments;

import cn.hkmo.contracts.common.FeeLine;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fee of an accepted application was assessed and a payment order opened. Key = application number. Producer: fee-service.
 */
public record FeeAssessed(
        String applicationNo,
        String orderNo,
        List<FeeLine> lines,
        long totalFen,
        String subject,
        String hallId,
        OffsetDateTime assessedAt) {
    public static final String TYPE = "fee.assessed.v1";
}
