package cn.hkmo.contracts.applications;

import java.time.OffsetDateTime;

/**
 * The application is outside the office's remit and is not accepted (不予受理), with the reason. Key = application number (booking number before acceptance). Producer: eligibility-service.
 */
public record ApplicationNotAccepted(
        String bookingNo,
        String subject,
        String hallId,
        String reasonCode,
        String reason,
        String officer,
        OffsetDateTime decidedAt) {
    public static final String TYPE = "application.not-accepted.v1";
}
