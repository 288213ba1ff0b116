package cn.hkmo.issuance.payment;

import java.util.List;

/**
 * What an application's fee and payments add up to, from all its payment facts in whatever order they came.
 *
 * @param feeFen      the assessed total; null until the assessment arrives
 * @param paidFen     completed payments
 * @param refundedFen settled refunds
 * @param largestPaymentFen the largest single payment: each covered its order in full, so it stands for the fee
 *                          until the assessment arrives
 */
public record PaymentStanding(Long feeFen, long paidFen, long refundedFen, long largestPaymentFen) {

    public static PaymentStanding of(List<PaymentFact> facts) {
        Long fee = null;
        long paid = 0;
        long refunded = 0;
        long largest = 0;
        for (PaymentFact fact : facts) {
            switch (fact.kind()) {
                // one order per application; were there two assessments, the larger is the safer one to require
                case ASSESSED -> fee = fee == null ? fact.amountFen() : Math.max(fee, fact.amountFen());
                case PAID -> {
                    paid += fact.amountFen();
                    largest = Math.max(largest, fact.amountFen());
                }
                case REFUNDED -> refunded += fact.amountFen();
            }
        }
        return new PaymentStanding(fee, paid, refunded, largest);
    }

    /**
     * Paid only while what was paid and not refunded covers the fee: a refund of any part makes the case unpaid again.
     * A payment is only reported once it covers its order in full, so before the assessment arrives the largest
     * payment stands for the fee.
     */
    public boolean paid() {
        long required = feeFen != null ? feeFen : largestPaymentFen;
        return paidFen > 0 && paidFen - refundedFen >= required;
    }
}
