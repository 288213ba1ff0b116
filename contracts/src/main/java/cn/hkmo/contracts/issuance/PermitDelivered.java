package cn.hkmo.contracts.issuance;

import java.time.OffsetDateTime;

/**
 * EMS delivered the permit. Key = application number. Producer: issuance-service.
 *
 * @param place where EMS handed it over, as EMS names it; null when EMS did not say, and in events written before
 *              it existed
 */
public record PermitDelivered(
        String applicationNo,
        String subject,
        String waybillNo,
        OffsetDateTime deliveredAt,
        String place) {
    public static final String TYPE = "permit.delivered.v1";

    /** As written before the place. */
    @Deprecated
    public PermitDelivered(String applicationNo, String subject, String waybillNo, OffsetDateTime deliveredAt) {
        this(applicationNo, subject, waybillNo, deliveredAt, null);
    }
}
