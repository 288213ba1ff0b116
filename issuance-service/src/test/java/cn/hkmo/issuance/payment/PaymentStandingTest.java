package cn.hkmo.issuance.payment;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStandingTest {

    private static PaymentFact paid(String order, long fen) {
        return new PaymentFact("A1", order, PaymentFact.Kind.PAID, fen, "T", OffsetDateTime.parse("2026-03-02T10:00:00+08:00"));
    }

    private static PaymentFact refunded(String order, long fen) {
        return new PaymentFact("A1", order, PaymentFact.Kind.REFUNDED, fen, "RF", OffsetDateTime.parse("2026-03-02T11:00:00+08:00"));
    }

    @Test
    void paid_until_refunded_in_full_in_any_order() {
        assertThat(PaymentStanding.isPaid(List.of())).isFalse();
        assertThat(PaymentStanding.isPaid(List.of(paid("O1", 9000)))).isTrue();
        assertThat(PaymentStanding.isPaid(List.of(paid("O1", 9000), refunded("O1", 1500)))).isTrue();
        assertThat(PaymentStanding.isPaid(List.of(refunded("O1", 9000), paid("O1", 9000)))).isFalse();
        assertThat(PaymentStanding.isPaid(List.of(paid("O1", 9000), refunded("O1", 9000), paid("O2", 9000)))).isTrue();
        assertThat(PaymentStanding.isPaid(List.of(refunded("O1", 9000)))).isFalse();
    }
}
