package cn.hkmo.issuance.review;

import cn.hkmo.issuance.payment.PaymentStanding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the refusal decision says about the fee (docs/domain.md#r-refusal-refund). */
class RefundStatementTest {

    @Test
    void nothingPaidNothingRefunded() {
        assertThat(RefundStatement.of(new PaymentStanding(9000L, 0, 0, 0)))
                .isEqualTo(new RefundStatement(RefundStatement.Status.NOTHING_PAID, 0, 0, 0));
    }

    @Test
    void whatWasPaidIsDueUntilAllOfItHasGoneBack() {
        assertThat(RefundStatement.of(new PaymentStanding(9000L, 9000, 0, 9000)))
                .isEqualTo(new RefundStatement(RefundStatement.Status.REFUND_UNDER_WAY, 9000, 0, 9000));
        assertThat(RefundStatement.of(new PaymentStanding(9000L, 9000, 3000, 9000)))
                .as("a part refunded before the refusal").isEqualTo(new RefundStatement(RefundStatement.Status.REFUND_UNDER_WAY, 9000, 3000, 6000));
        assertThat(RefundStatement.of(new PaymentStanding(9000L, 9000, 9000, 9000)))
                .isEqualTo(new RefundStatement(RefundStatement.Status.REFUNDED, 9000, 9000, 0));
    }

    @Test
    void aPaymentReportedBeforeItsAssessmentCountsAsPaid() {
        assertThat(RefundStatement.of(new PaymentStanding(null, 7500, 0, 7500)).status())
                .isEqualTo(RefundStatement.Status.REFUND_UNDER_WAY);
    }
}
