package cn.hkmo.contracts.issuance;

import java.time.OffsetDateTime;

/**
 * The reviewer approved the application. Key = application number. Producer: issuance-service.
 */
public record DecisionApproved(
        String applicationNo,
        String subject,
        String reviewer,
        OffsetDateTime decidedAt) {
    public static final String TYPE = "decision.approved.v1";
}
