package cn.hkmo.appointment.booking;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Booking numbers such as {@code YY260315K7M2Q9TX4}: "YY" (预约), the booking day yyMMdd, eight random
 * characters from 31 letters and digits (Crockford's set without I, L, O, U, so an officer typing it
 * cannot confuse them; without Z, so the alphabet size is prime) and a check character that catches any
 * single mistyped character and any swap of two neighbours. Random, so numbers reveal nothing about
 * volumes and cannot be enumerated.
 */
public final class BookingNumber {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";
    private static final String PREFIX = "YY";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int RANDOM_LENGTH = 8;
    private static final int LENGTH = PREFIX.length() + 6 + RANDOM_LENGTH + 1;

    private final RandomGenerator random;

    public BookingNumber() {
        this(new SecureRandom());
    }

    BookingNumber(RandomGenerator random) {
        this.random = random;
    }

    public String next(LocalDate bookedOn) {
        StringBuilder number = new StringBuilder(PREFIX).append(DAY.format(bookedOn));
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.append(checkCharacter(number)).toString();
    }

    /** Shape and check character; a typo is refused before any database look-up. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (ALPHABET.indexOf(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(candidate.substring(0, LENGTH - 1)) == candidate.charAt(LENGTH - 1);
    }

    /**
     * Σ (position × value) modulo 31: with a prime modulus, fewer than 31 positions and values below 31,
     * a substitution changes the sum by a non-zero product and a neighbour swap by the difference of the two.
     */
    static char checkCharacter(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
        }
        return ALPHABET.charAt(sum % ALPHABET.length());
    }
}
