package cn.hkmo.contracts.issuance;

import java.time.OffsetDateTime;

/**
 * The permit was collected at the hall by the applicant or an authorised proxy. Key = application number. Producer: issuance-service.
 */
public record PermitCollected(
        String applicationNo,
        String subject,
        String hallId,
        boolean byProxy,
        String officer,
        OffsetDateTime collectedAt) {
    public static final String TYPE = "permit.collected.v1";
}
