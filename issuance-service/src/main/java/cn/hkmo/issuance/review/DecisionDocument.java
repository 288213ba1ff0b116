package cn.hkmo.issuance.review;

import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.payment.PaymentStanding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 不予批准决定书: what the citizen is shown when the application is refused.
 *
 * @param refund what becomes of the fee paid: refunded in full, or nothing was paid
 */
public record DecisionDocument(String decisionNo, String applicationNo, String applicantName, String residentId,
                               String hallId, OffsetDateTime decidedAt, List<String> reasons, String legalBasis,
                               String remedies, RefundStatement refund) {

    static DecisionDocument of(CaseFile c, String remedies, PaymentStanding payments) {
        return new DecisionDocument(c.decisionNo(), c.applicationNo(), c.applicantName(), c.residentIdMasked(), c.hallId(),
                c.decidedAt(), c.refusalReasons(), c.refusalLegalBasis(), remedies, RefundStatement.of(payments));
    }

    /** {@code 110000-2026-000042}: the deciding province, the year, a running number. */
    static String number(String hallRegion, int year, long sequence) {
        return String.format("%s0000-%d-%06d", hallRegion.substring(0, 2), year, sequence);
    }
}
