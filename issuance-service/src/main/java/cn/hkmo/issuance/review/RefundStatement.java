package cn.hkmo.issuance.review;

import cn.hkmo.issuance.payment.PaymentStanding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the refusal decision says about the fee (docs/domain.md#r-refusal-refund): what was paid goes back in full,
 * and fee-service starts that refund when it reads the refusal. Read from the payments reported so far, so the
 * document follows the refund until it is done.
 *
 * @param paidFen     what the applicant paid
 * @param refundedFen what has gone back to them
 * @param dueFen      what is still to go back
 */
@Schema(description = "What becomes of the fee paid: refunded in full on a refusal, or nothing was paid (amounts in fen)")
public record RefundStatement(Status status, long paidFen, long refundedFen, long dueFen) {

    @Schema(name = "RefundStatementStatus") // a name of its own: "Status" alone would collide with the next enum so named
    public enum Status {
        /** Nothing was paid, so nothing is refunded. */
        NOTHING_PAID,
        /** Paid; the refund of what is due has been started and is not yet done. */
        REFUND_UNDER_WAY,
        /** All that was paid has gone back. */
        REFUNDED
    }

    static RefundStatement of(PaymentStanding standing) {
        long due = Math.max(0, standing.paidFen() - standing.refundedFen());
        Status status = standing.paidFen() == 0 ? Status.NOTHING_PAID
                : due == 0 ? Status.REFUNDED : Status.REFUND_UNDER_WAY;
        return new RefundStatement(status, standing.paidFen(), standing.refundedFen(), due);
    }
}
