package cn.hkmo.issuance.payment;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStandingTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");

    private static PaymentFact assessed(String order, long fen) {
        return new PaymentFact("A1", order, PaymentFact.Kind.ASSESSED, fen, order, AT);
    }

    private static PaymentFact paid(String order, long fen) {
        return new PaymentFact("A1", order, PaymentFact.Kind.PAID, fen, "T-" + order, AT);
    }

    private static PaymentFact refunded(String order, long fen, String refundNo) {
        return new PaymentFact("A1", order, PaymentFact.Kind.REFUNDED, fen, refundNo, AT);
    }

    private static boolean paid(PaymentFact... facts) {
        return PaymentStanding.of(List.of(facts)).paid();
    }

    @Test
    void paid_only_while_the_payments_less_the_refunds_cover_the_fee() {
        assertThat(paid()).isFalse();
        assertThat(paid(assessed("O1", 9000))).isFalse();
        assertThat(paid(assessed("O1", 9000), paid("O1", 9000))).isTrue();
        assertThat(paid(assessed("O1", 9000), paid("O1", 9000), refunded("O1", 8999, "RF1")))
                .as("the issue's 89.99 of 90.00").isFalse();
        assertThat(paid(assessed("O1", 9000), paid("O1", 9000), refunded("O1", 1, "RF1"))).isFalse();
        assertThat(paid(assessed("O1", 9000), paid("O1", 9000), refunded("O1", 9000, "RF1"))).isFalse();
        assertThat(paid(assessed("O1", 9000), paid("O1", 8000))).as("less than the fee").isFalse();
    }

    @Test
    void before_the_assessment_arrives_the_payment_stands_for_the_fee() {
        assertThat(paid(paid("O1", 9000))).isTrue();
        assertThat(paid(paid("O1", 9000), refunded("O1", 1500, "RF1"))).isFalse();
        assertThat(paid(refunded("O1", 9000, "RF1"))).isFalse();
        assertThat(paid(paid("O1", 9000), refunded("O1", 9000, "RF1"), paid("O2", 9000)))
                .as("refunded in full, then paid again").isTrue();
    }

    @Test
    void the_verdict_does_not_depend_on_the_order_the_facts_came_in() {
        List<PaymentFact> facts = new ArrayList<>(List.of(assessed("O1", 9000), paid("O1", 9000),
                refunded("O1", 8999, "RF1")));
        for (int i = 0; i < 6; i++) {
            Collections.rotate(facts, 1);
            if (i == 3) {
                Collections.swap(facts, 0, 1);
            }
            PaymentStanding standing = PaymentStanding.of(facts);
            assertThat(standing).as(facts.toString()).isEqualTo(new PaymentStanding(9000L, 9000, 8999, 9000));
            assertThat(standing.paid()).isFalse();
        }
    }
}
