package cn.hkmo.contracts.issuance;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A permit waiting at the hall is near the end of the period the hall keeps it (the office's practice, configured in
 * issuance-service): the citizen is reminded once. Key = application number. Producer: issuance-service.
 */
public record CollectionDeadlineNear(
        String applicationNo,
        String subject,
        String hallId,
        @JsonPropertyDescription("The last day the hall keeps the permit for collection, business date (Asia/Shanghai)")
        LocalDate collectBy,
        OffsetDateTime remindedAt) {
    public static final String TYPE = "permit.collection-deadline-near.v1";
}
