package cn.hkmo.contracts.applications;

import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.IssuedEndorsement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The counter accepted an application (受理) and issued a receipt (受理回执). Carries everything fees, review and issuance need. Key = application number (booking number before acceptance). Producer: eligibility-service.
 */
public record ApplicationAccepted(
        String applicationNo,
        String receiptNo,
        String bookingNo,
        String hallId,
        String hallRegion,
        Applicant applicant,
        ApplicationCategory category,
        String existingPermitNo,
        int permitValidityYears,
        List<IssuedEndorsement> endorsements,
        boolean hukouLocal,
        String urgentReason,
        Delivery delivery,
        String officer,
        LocalDate acceptanceDate,
        OffsetDateTime acceptedAt) {
    public static final String TYPE = "application.accepted.v1";

    /** Whether a new permit card is issued (anything but a re-endorsement). */
    public boolean permitRequested() {
        return category != ApplicationCategory.ENDORSEMENT_ONLY;
    }
}
