package cn.hkmo.contracts.issuance;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The reviewer refused the application; the decision document (不予批准决定书) states the reasons. Key = application number. Producer: issuance-service.
 */
public record DecisionRefused(
        String applicationNo,
        String subject,
        String decisionNo,
        List<String> reasons,
        String reviewer,
        OffsetDateTime decidedAt) {
    public static final String TYPE = "decision.refused.v1";
}
