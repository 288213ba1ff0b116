package cn.hkmo.contracts.issuance;

import java.time.OffsetDateTime;

/**
 * EMS delivered the permit. Key = application number. Producer: issuance-service.
 */
public record PermitDelivered(
        String applicationNo,
        String subject,
        String waybillNo,
        OffsetDateTime deliveredAt) {
    public static final String TYPE = "permit.delivered.v1";
}
