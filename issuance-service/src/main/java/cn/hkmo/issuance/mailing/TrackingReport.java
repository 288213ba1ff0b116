package cn.hkmo.issuance.mailing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * A step EMS scanned between posting and delivery: the waybill, what happened, when (now if omitted) and where.
 * Posting and delivery have their own calls (dispatch, delivery), as they change the case.
 */
public record TrackingReport(
        @NotBlank String waybillNo,
        @NotNull Scan status,
        OffsetDateTime at,
        @NotBlank @Size(max = 100) String place) {

    /** The scans EMS reports on the way. */
    public enum Scan {
        /** 运输中 */
        IN_TRANSIT,
        /** 派送中 */
        OUT_FOR_DELIVERY,
        /** 退回: back to the hall that issued the permit. */
        RETURNED
    }
}
