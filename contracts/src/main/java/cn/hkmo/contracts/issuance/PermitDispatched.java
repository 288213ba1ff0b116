package cn.hkmo.contracts.issuance;

import java.time.OffsetDateTime;

/**
 * The permit left by EMS with a waybill. Key = application number. Producer: issuance-service.
 *
 * @param place where EMS took it (the posting office, as EMS names it); null when EMS did not say, and in events
 *              written before it existed
 */
public record PermitDispatched(
        String applicationNo,
        String subject,
        String waybillNo,
        OffsetDateTime dispatchedAt,
        String place) {
    public static final String TYPE = "permit.dispatched.v1";

    /** As written before the place. */
    @Deprecated
    public PermitDispatched(String applicationNo, String subject, String waybillNo, OffsetDateTime dispatchedAt) {
        this(applicationNo, subject, waybillNo, dispatchedAt, null);
    }
}
