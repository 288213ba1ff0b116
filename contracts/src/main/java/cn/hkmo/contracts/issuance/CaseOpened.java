package cn.hkmo.contracts.issuance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Review case opened for an accepted application, with its statutory deadline. Key = application number. Producer: issuance-service.
 */
public record CaseOpened(
        String applicationNo,
        String subject,
        String hallId,
        LocalDate deadline,
        boolean urgent,
        OffsetDateTime openedAt) {
    public static final String TYPE = "case.opened.v1";
}
