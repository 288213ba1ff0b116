package cn.hkmo.issuance.payment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Whether an application counts as paid, from all its payment facts in whatever order they came. */
public final class PaymentStanding {

    private PaymentStanding() {
    }

    /**
     * Paid when some order was paid and not refunded in full. A partial refund (one endorsement item
     * withdrawn) leaves the rest paid.
     */
    public static boolean isPaid(List<PaymentFact> facts) {
        Map<String, Long> balance = new HashMap<>();
        Map<String, Boolean> paidOrders = new HashMap<>();
        for (PaymentFact fact : facts) {
            long signed = fact.kind() == PaymentFact.Kind.PAID ? fact.amountFen() : -fact.amountFen();
            balance.merge(fact.orderNo(), signed, Long::sum);
            if (fact.kind() == PaymentFact.Kind.PAID) {
                paidOrders.put(fact.orderNo(), true);
            }
        }
        return paidOrders.keySet().stream().anyMatch(order -> balance.get(order) > 0);
    }
}
