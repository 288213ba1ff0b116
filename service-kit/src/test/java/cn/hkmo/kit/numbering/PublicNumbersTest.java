package cn.hkmo.kit.numbering;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicNumbersTest {

    private static final String HEAD = "FO20260302";

    private final PublicNumbers numbers = new PublicNumbers(new Random(42));

    @Test
    void keepsTheReadableHeadAndIsUrlSafe() {
        String number = numbers.next(HEAD, 10);

        assertThat(number).startsWith(HEAD).hasSize(HEAD.length() + 11).matches("[0-9A-Z]+");
        assertThat(PublicNumbers.hasValidTail(number, HEAD.length(), 10)).isTrue();
    }

    @Test
    void everySingleTypoAndNeighbourSwapInTheTailIsCaught() {
        for (int n = 0; n < 100; n++) {
            String number = numbers.next(HEAD, 10);
            for (int i = HEAD.length(); i < number.length(); i++) {
                for (char c : PublicNumbers.ALPHABET.toCharArray()) {
                    if (c != number.charAt(i)) {
                        String typo = number.substring(0, i) + c + number.substring(i + 1);
                        assertThat(PublicNumbers.hasValidTail(typo, HEAD.length(), 10)).as(typo).isFalse();
                    }
                }
                if (i + 1 < number.length() && number.charAt(i) != number.charAt(i + 1)) {
                    String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
                    assertThat(PublicNumbers.hasValidTail(swapped, HEAD.length(), 10)).as(swapped).isFalse();
                }
            }
        }
    }

    @Test
    void refusesOtherShapes() {
        assertThat(PublicNumbers.hasValidTail(null, 2, 8)).isFalse();
        assertThat(PublicNumbers.hasValidTail("FO2026030200000001", HEAD.length(), 10)).as("an old counter number").isFalse();
        assertThat(PublicNumbers.hasValidTail(HEAD + "ABCDEFGHJI1", HEAD.length(), 10)).as("I is not in the alphabet").isFalse();
    }

    @Test
    void numbersNeitherRepeatNorCount() {
        Set<String> seen = new HashSet<>();
        PublicNumbers secure = new PublicNumbers();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(secure.next(HEAD, 10))).isTrue();
        }
        String first = secure.next(HEAD, 10);
        String second = secure.next(HEAD, 10);
        assertThat(first.substring(HEAD.length())).isNotEqualTo(second.substring(HEAD.length()));
    }

    @Test
    void aTakenNumberIsDrawnAgainAndABrokenSourceIsNoticed() {
        AtomicInteger asked = new AtomicInteger();
        String number = numbers.next(HEAD, 10, candidate -> asked.incrementAndGet() < 3);
        assertThat(asked).hasValue(3);
        assertThat(PublicNumbers.hasValidTail(number, HEAD.length(), 10)).isTrue();

        assertThatThrownBy(() -> numbers.next(HEAD, 10, candidate -> true)).isInstanceOf(IllegalStateException.class);
    }
}
