package cn.hkmo.issuance.supervision;

import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.Decision;
import cn.hkmo.issuance.deadline.DeadlineBasis;

import java.time.LocalDate;

/**
 * A pending case in the supervisors' deadline views.
 *
 * @param provisional the deadline rests on the statutory holidays of a year without its notice, and may move
 */
public record DeadlineItem(String applicationNo, String hallId, String hallRegion, boolean urgent, LocalDate acceptanceDate,
                           LocalDate deadline, DeadlineBasis basis, boolean provisional, boolean extended, Decision decision,
                           boolean paid) {

    static DeadlineItem of(CaseFile c) {
        return new DeadlineItem(c.applicationNo(), c.hallId(), c.hallRegion(), c.isUrgent(), c.acceptanceDate(), c.deadline(),
                c.deadlineBasis(), c.deadlineProvisional(), c.extensionApprovalNo() != null, c.decision(), c.paid());
    }
}
