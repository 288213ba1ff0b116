package cn.hkmo.issuance.review;

import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.payment.PaymentStanding;
import cn.hkmo.kit.document.AppliedFor;
import cn.hkmo.kit.document.Authority;
import cn.hkmo.kit.document.DocumentRenderer;
import cn.hkmo.kit.document.DocumentType;
import cn.hkmo.kit.document.PrintedDocument;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 不予批准决定书: what the citizen is shown when the application is refused, as JSON; the same decision printed
 * ({@link #printed}) is the PDF with its verification code.
 *
 * @param refund           what becomes of the fee paid: refunded in full, or nothing was paid; followed as it goes back
 * @param issuingAuthority the exit-entry administration of the deciding province ({@code hkmo.documents.authorities})
 * @param verificationCode checks the document at {@code GET /api/v1/verifications/refusal-decisions/{code}}
 */
public record DecisionDocument(String decisionNo, String applicationNo, String applicantName, String residentId,
                               String hallId, OffsetDateTime decidedAt, List<String> reasons, String legalBasis,
                               String remedies, RefundStatement refund, Authority issuingAuthority,
                               String verificationCode) {

    static DecisionDocument of(CaseFile c, PrintedDocument printed, String remedies, PaymentStanding payments) {
        return new DecisionDocument(c.decisionNo(), c.applicationNo(), c.applicantName(), c.residentIdMasked(), c.hallId(),
                c.decidedAt(), c.refusalReasons(), c.refusalLegalBasis(), remedies, RefundStatement.of(payments),
                printed.authority(), printed.verificationCode());
    }

    /**
     * The decision as printed: addressed to the applicant, issued by the province's exit-entry administration. It says
     * what becomes of the fee as it stood when the decision was made (docs/domain.md#r-refusal-refund).
     */
    static PrintedDocument printed(CaseFile c, Authority authority, String remedies, PaymentStanding payments) {
        List<PrintedDocument.Paragraph> paragraphs = new ArrayList<>();
        paragraphs.add(new PrintedDocument.Paragraph("不予批准的理由", "Reasons", c.refusalReasons()));
        if (c.refusalLegalBasis() != null && !c.refusalLegalBasis().isBlank()) {
            paragraphs.add(new PrintedDocument.Paragraph("法律依据", "Legal basis", List.of(c.refusalLegalBasis())));
        }
        paragraphs.add(new PrintedDocument.Paragraph("费用", "Fee", List.of(feeText(RefundStatement.of(payments)))));
        paragraphs.add(new PrintedDocument.Paragraph("救济途径", "Administrative reconsideration and litigation",
                List.of(remedies)));
        return new PrintedDocument(DocumentType.REFUSAL_DECISION, c.decisionNo(), authority,
                new PrintedDocument.Applicant(c.applicantName(), c.residentIdMasked()), c.decidedAt(),
                List.of(new PrintedDocument.Fact("申请编号", "Application No.", c.applicationNo()),
                        new PrintedDocument.Fact("受理回执编号", "Receipt No.", c.receiptNo()),
                        new PrintedDocument.Fact("申请事项", "Applied for", AppliedFor.category(c.category())),
                        new PrintedDocument.Fact("受理日期", "Accepted on", DocumentRenderer.date(c.acceptanceDate())),
                        new PrintedDocument.Fact("决定", "Decision", "不予批准 Not approved"),
                        new PrintedDocument.Fact("决定时间", "Decided at", DocumentRenderer.beijingTime(c.decidedAt()))),
                paragraphs, null);
    }

    private static String feeText(RefundStatement refund) {
        if (refund.status() == RefundStatement.Status.NOTHING_PAID) {
            return "未缴纳费用，无需退费。 No fee was paid; nothing is refunded.";
        }
        String yuan = BigDecimal.valueOf(refund.dueFen(), 2).toPlainString();
        return refund.dueFen() == 0 ? "已缴纳的费用已全额退还。 The fee paid has been refunded in full."
                : "已缴纳的费用 " + yuan + " 元全额退还，按原缴费方式退回。 The fee paid, " + yuan
                        + " yuan, is refunded in full, the way it was paid.";
    }

    /** {@code 110000-2026-000042}: the deciding province, the year, a running number. */
    static String number(String hallRegion, int year, long sequence) {
        return String.format("%s0000-%d-%06d", hallRegion.substring(0, 2), year, sequence);
    }
}
