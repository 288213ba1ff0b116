package cn.hkmo.contracts.issuance;

import cn.hkmo.contracts.common.IssuedEndorsement;
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
        OffsetDateTime issuedAt) {
    public static final String TYPE = "permit.issued.v1";
}
