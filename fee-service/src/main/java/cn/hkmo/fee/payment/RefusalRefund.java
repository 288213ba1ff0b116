package cn.hkmo.fee.payment;

import java.util.Optional;

/**
 * What a refusal (不予批准) gives back: everything still paid on the application's order, in full
 * (docs/domain.md#r-refusal-refund). Plain rules, no container: the number, the amount, how it is paid out.
 *
 * @param refundNo  one per application, so a refusal delivered again never refunds twice
 * @param amountFen what is still paid: the total less what was refunded or is being refunded already
 * @param first     {@code REQUESTED} for a platform payment (it goes back to the paying account at once),
 *                  {@code AWAITING_APPROVAL} for cash taken at the counter (an officer pays it out, see {@link FourEyes})
 * @param reason    what the payer reads with the refund (Alipay's refund reason, the citizen's notice)
 * @param requestedBy the decision that asked for it: never a member of staff, so any officer of the hall may approve
 */
record RefusalRefund(String refundNo, long amountFen, RefundStatus first, String reason, String requestedBy) {

    /** Refund numbers of refusals; staff choose their own numbers, which never start so (Alipay allows letters, digits, _). */
    static final String NUMBER_PREFIX = "REFUSAL_";

    static String numberFor(String applicationNo) {
        return NUMBER_PREFIX + applicationNo;
    }

    /**
     * @param pendingFen refunds of the order asked for and not yet ended
     * @param channel    how the order was paid; null when it was not
     * @return nothing when no money is left to give back (never paid, or refunded already)
     */
    static Optional<RefusalRefund> due(PaymentOrder order, long pendingFen, Channel channel, String decisionNo) {
        long amount = order.refundableFen(pendingFen);
        if (amount <= 0 || channel == null) {
            return Optional.empty();
        }
        RefundStatus first = FourEyes.required(channel) ? RefundStatus.AWAITING_APPROVAL : RefundStatus.REQUESTED;
        return Optional.of(new RefusalRefund(numberFor(order.applicationNo), amount, first,
                "申请不予批准（决定书 " + decisionNo + "），退还已缴证件费", "refusal:" + decisionNo));
    }
}
