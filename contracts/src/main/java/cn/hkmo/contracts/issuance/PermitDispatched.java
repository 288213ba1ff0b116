package cn.hkmo.contracts.issuance;

import java.time.OffsetDateTime;

/**
 * The permit left by EMS with a waybill. Key = application number. Producer: issuance-service.
 */
public record PermitDispatched(
        String applicationNo,
        String subject,
        String waybillNo,
        OffsetDateTime dispatchedAt) {
    public static final String TYPE = "permit.dispatched.v1";
}
