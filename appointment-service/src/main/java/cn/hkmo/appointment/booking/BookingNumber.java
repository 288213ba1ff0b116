package cn.hkmo.appointment.booking;

import cn.hkmo.kit.numbering.PublicNumbers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Booking numbers such as {@code YY260315K7M2Q9TX4}: "YY" (预约), the booking day yyMMdd, eight random characters
 * and a check character ({@link PublicNumbers}). Random, so numbers reveal nothing about volumes and cannot be
 * enumerated.
 */
public final class BookingNumber {

    static final String ALPHABET = PublicNumbers.ALPHABET;
    private static final String PREFIX = "YY";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int RANDOM_LENGTH = 8;

    private final PublicNumbers numbers;

    public BookingNumber() {
        this(new PublicNumbers());
    }

    BookingNumber(RandomGenerator random) {
        this(new PublicNumbers(random));
    }

    private BookingNumber(PublicNumbers numbers) {
        this.numbers = numbers;
    }

    public String next(LocalDate bookedOn) {
        return numbers.next(PREFIX + DAY.format(bookedOn), RANDOM_LENGTH);
    }

    /** Shape and check character; a typo is refused before any database look-up. */
    public static boolean isWellFormed(String candidate) {
        // the day's digits are characters of the alphabet too: the check covers them
        return candidate != null && candidate.startsWith(PREFIX)
                && PublicNumbers.hasValidTail(candidate, PREFIX.length(), 6 + RANDOM_LENGTH);
    }
}
