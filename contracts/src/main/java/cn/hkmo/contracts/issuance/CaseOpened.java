package cn.hkmo.contracts.issuance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Review case opened for an accepted application, with its statutory deadline. Key = application number. Producer: issuance-service.
 *
 * @param deadline            the statutory deadline; null only for a case opened before the calendar covered its year
 * @param deadlineBasis       the rule: {@code HUKOU_WORKING_DAYS}, {@code NON_HUKOU_DAYS} or {@code EXTENDED_WORKING_DAYS}
 *                            (null in events written before it existed)
 * @param deadlineProvisional true while the period runs through a year whose State Council holiday notice is not out: the
 *                            date is computed on the statutory holidays and a {@link DeadlineChanged} follows when the
 *                            notice is loaded (null in events written before it existed: unknown)
 */
public record CaseOpened(
        String applicationNo,
        String subject,
        String hallId,
        LocalDate deadline,
        String deadlineBasis,
        Boolean deadlineProvisional,
        boolean urgent,
        OffsetDateTime openedAt) {
    public static final String TYPE = "case.opened.v1";

    @Deprecated
    public CaseOpened(String applicationNo, String subject, String hallId, LocalDate deadline, boolean urgent,
                      OffsetDateTime openedAt) {
        this(applicationNo, subject, hallId, deadline, null, null, urgent, openedAt);
    }
}
