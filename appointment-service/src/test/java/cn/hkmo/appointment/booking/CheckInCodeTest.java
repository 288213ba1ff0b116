package cn.hkmo.appointment.booking;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckInCodeTest {

    private final CheckInCode codes = new CheckInCode("test-only-check-in-key-0123456789abcdef");
    private final LocalDate date = LocalDate.of(2026, 9, 15);

    @Test
    void anIssuedCodeVerifies() {
        String qr = codes.issue("YY260914ABCDEFGH5", "BJ-CHAOYANG", date);

        assertThat(qr).startsWith("HKMO1:YY260914ABCDEFGH5:BJ-CHAOYANG:2026-09-15:");
        assertThat(codes.verify(qr)).hasValue(new CheckInCode.Claims("YY260914ABCDEFGH5", "BJ-CHAOYANG", date));
    }

    @Test
    void anAlteredHallOrDateIsRejected() {
        String qr = codes.issue("YY260914ABCDEFGH5", "BJ-CHAOYANG", date);

        assertThat(codes.verify(qr.replace("BJ-CHAOYANG", "SH-PUDONG"))).isEmpty();
        assertThat(codes.verify(qr.replace("2026-09-15", "2026-09-16"))).isEmpty();
    }

    @Test
    void aCodeSignedWithAnotherKeyIsRejected() {
        String forged = new CheckInCode("a-forgers-key-that-is-long-enough-too").issue("YY260914ABCDEFGH5", "BJ-CHAOYANG", date);

        assertThat(codes.verify(forged)).isEmpty();
    }

    @Test
    void malformedPayloadsAreRejected() {
        assertThat(codes.verify(null)).isEmpty();
        assertThat(codes.verify("YY260914ABCDEFGH5")).isEmpty();
        assertThat(codes.verify("HKMO1:a:b:not-a-date:sig")).isEmpty();
        assertThat(codes.verify("HKMO2:YY260914ABCDEFGH5:BJ-CHAOYANG:2026-09-15:x")).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new CheckInCode("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
