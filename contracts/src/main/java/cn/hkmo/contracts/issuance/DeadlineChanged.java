package cn.hkmo.contracts.issuance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case's statutory deadline changed: an extension was recorded, or a holiday notice was loaded and a provisional
 * deadline recomputed (then final, and perhaps moved). Key = application number. Producer: issuance-service.
 *
 * @param previousDeadline null when the case had none yet
 * @param basis            {@code HUKOU_WORKING_DAYS}, {@code NON_HUKOU_DAYS} or {@code EXTENDED_WORKING_DAYS}
 * @param provisional      whether the new date is still provisional (another year's notice is still missing)
 * @param reason           {@code EXTENDED} or {@code NOTICE_LOADED}
 */
public record DeadlineChanged(
        String applicationNo,
        String subject,
        LocalDate previousDeadline,
        LocalDate deadline,
        String basis,
        int days,
        boolean provisional,
        String reason,
        OffsetDateTime changedAt) {
    public static final String TYPE = "case.deadline-changed.v1";
    public static final String EXTENDED = "EXTENDED";
    public static final String NOTICE_LOADED = "NOTICE_LOADED";
}
