package cn.hkmo.contracts.issuance;

import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.IssuedEndorsement;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The permit and/or endorsements were issued (制证签发). Key = application number. Producer: issuance-service.
 */
public record PermitIssued(
        String applicationNo,
        String subject,
        String permitNo,
        LocalDate permitValidFrom,
        LocalDate permitValidUntil,
        boolean newCard,
        List<IssuedEndorsement> endorsements,
        LocalDate endorsementsValidFrom,
        OffsetDateTime issuedAt,
        @JsonPropertyDescription("How the citizen receives it (HALL: ready for collection at hallId now); absent in events from before it existed")
        CollectionMethod collection,
        @JsonPropertyDescription("The hall of the case; absent in events from before it existed")
        String hallId) {
    public static final String TYPE = "permit.issued.v1";

    /** The shape before {@code collection} and {@code hallId}. New producers fill them. */
    @Deprecated
    public PermitIssued(String applicationNo, String subject, String permitNo, LocalDate permitValidFrom,
                        LocalDate permitValidUntil, boolean newCard, List<IssuedEndorsement> endorsements,
                        LocalDate endorsementsValidFrom, OffsetDateTime issuedAt) {
        this(applicationNo, subject, permitNo, permitValidFrom, permitValidUntil, newCard, endorsements,
                endorsementsValidFrom, issuedAt, null, null);
    }
}
