package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Counter refunds pay cash out of the hall's till, with no platform trade behind them that anyone else would see: one
 * officer alone could pay themselves. So a counter refund is a request until a second person approves it: another
 * officer of the order's hall (the one who hands out the cash, on duty there) or an admin, never the requester.
 * Alipay refunds go back only to the paying account through the platform, which keeps its own record; they need no
 * second person.
 */
final class FourEyes {

    private FourEyes() {
    }

    /** Whether a refund of a payment taken through this channel waits for a second person. */
    static boolean required(Channel channel) {
        return channel == Channel.COUNTER;
    }

    /** @throws ProblemException {@code REFUND_SELF_APPROVAL} (403) when the approver asked for the refund themself */
    static void requireSecondPerson(Refund refund, String approver) {
        if (refund.requestedBy.equals(approver)) {
            throw new ProblemException(FeeError.REFUND_SELF_APPROVAL, refund.refundNo);
        }
    }
}
