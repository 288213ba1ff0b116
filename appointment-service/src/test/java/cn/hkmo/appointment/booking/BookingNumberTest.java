package cn.hkmo.appointment.booking;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BookingNumberTest {

    private final BookingNumber numbers = new BookingNumber(new Random(42));

    @Test
    void carriesTheDayAndIsWellFormed() {
        String number = numbers.next(LocalDate.of(2026, 3, 15));

        assertThat(number).startsWith("YY260315").hasSize(17);
        assertThat(BookingNumber.isWellFormed(number)).isTrue();
    }

    @Test
    void everySingleTypoIsCaught() {
        String number = numbers.next(LocalDate.of(2026, 3, 15));
        for (int i = 2; i < number.length(); i++) {
            for (char c : BookingNumber.ALPHABET.toCharArray()) {
                if (c != number.charAt(i)) {
                    String typo = number.substring(0, i) + c + number.substring(i + 1);
                    assertThat(BookingNumber.isWellFormed(typo)).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void everySwapOfNeighboursIsCaught() {
        for (int n = 0; n < 200; n++) {
            String number = numbers.next(LocalDate.of(2026, 3, 15));
            for (int i = 2; i < number.length() - 1; i++) {
                if (number.charAt(i) != number.charAt(i + 1)) {
                    String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
                    assertThat(BookingNumber.isWellFormed(swapped)).as(swapped).isFalse();
                }
            }
        }
    }

    @Test
    void refusesOtherShapes() {
        assertThat(BookingNumber.isWellFormed(null)).isFalse();
        assertThat(BookingNumber.isWellFormed("YY260315")).isFalse();
        assertThat(BookingNumber.isWellFormed("XX260315K7M2Q9TX4")).isFalse();
        assertThat(BookingNumber.isWellFormed("YY260315K7M2Q9TI4")).isFalse();
    }

    @Test
    void numbersDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(numbers.next(LocalDate.of(2026, 3, 15)))).isTrue();
        }
    }
}
