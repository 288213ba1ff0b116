package cn.hkmo.contracts.applications;

import cn.hkmo.contracts.common.Notice;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The application is incomplete: one notice lists every missing or wrong item at once (一次性告知). Key = application number (booking number before acceptance). Producer: eligibility-service.
 */
public record CorrectionRequested(
        String noticeNo,
        String bookingNo,
        String subject,
        String hallId,
        List<Notice> items,
        String officer,
        OffsetDateTime issuedAt) {
    public static final String TYPE = "application.correction-requested.v1";
}
