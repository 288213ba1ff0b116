package cn.hkmo.issuance.review;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.permit.GrantedEndorsement;

import java.time.LocalDate;
import java.util.List;

/** A line of the review queue. */
public record ReviewItem(String applicationNo, String hallId, String hallRegion, ApplicationCategory category, boolean urgent,
                         String urgentReason, LocalDate acceptanceDate, LocalDate deadline, boolean paid,
                         String applicantName, String residentId, List<GrantedEndorsement> endorsements) {

    static ReviewItem of(CaseFile c) {
        return new ReviewItem(c.applicationNo(), c.hallId(), c.hallRegion(), c.category(), c.isUrgent(), c.urgentReason(),
                c.acceptanceDate(), c.deadline(), c.paid(), c.applicantName(), c.residentIdMasked(), c.endorsements());
    }
}
