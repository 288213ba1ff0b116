package cn.hkmo.kit.numbering;

import java.security.SecureRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Numbers the public sees (bookings, applications, receipts, notices, orders) that reveal nothing: a readable head
 * chosen by the domain (kind prefix, date, district), then random characters from 31 letters and digits (Crockford's
 * set without I, L, O, U, so an officer typing one cannot confuse them; without Z, so the alphabet size is prime) and
 * a check character that catches any single mistyped character and any swap of two neighbours. A counter would tell
 * anyone how many were issued and let them guess the neighbours; these cannot be estimated or enumerated.
 */
public final class PublicNumbers {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";
    /** Each draw collides with a number issued under the same head with odds of about 1 in 31^length per number. */
    static final int MAX_DRAWS = 5;

    private final RandomGenerator random;

    public PublicNumbers() {
        this(new SecureRandom());
    }

    public PublicNumbers(RandomGenerator random) {
        this.random = random;
    }

    /** {@code head}, {@code randomLength} random characters and the check character. */
    public String next(String head, int randomLength) {
        StringBuilder number = new StringBuilder(head);
        for (int i = 0; i < randomLength; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.append(checkCharacter(number)).toString();
    }

    /**
     * {@link #next(String, int)}, drawn again while {@code taken} says the number exists. The table's unique constraint
     * stays the last word: a concurrent transaction drawing the same number fails and is retried by its caller.
     *
     * @throws IllegalStateException when every draw was taken: the random source is broken, not unlucky
     */
    public String next(String head, int randomLength, Predicate<String> taken) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            String number = next(head, randomLength);
            if (!taken.test(number)) {
                return number;
            }
        }
        throw new IllegalStateException(MAX_DRAWS + " numbers drawn under " + head + " were all taken");
    }

    /**
     * Whether the characters after the head are {@code randomLength} characters of the alphabet followed by the right
     * check character (the caller checks the head's own shape).
     */
    public static boolean hasValidTail(String candidate, int headLength, int randomLength) {
        if (candidate == null || candidate.length() != headLength + randomLength + 1) {
            return false;
        }
        for (int i = headLength; i < candidate.length(); i++) {
            if (ALPHABET.indexOf(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(candidate.substring(0, candidate.length() - 1)) == candidate.charAt(candidate.length() - 1);
    }

    /**
     * Σ (position × value) modulo 31: with a prime modulus, fewer than 31 positions and values below 31, a substitution
     * changes the sum by a non-zero product and a neighbour swap by the difference of the two. A head character outside
     * the alphabet (the O of an order's FO) counts by its code point: the head is fixed, it only shifts the sum.
     */
    static char checkCharacter(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int value = ALPHABET.indexOf(c);
            sum += (i + 1) * (value >= 0 ? value : c % ALPHABET.length());
        }
        return ALPHABET.charAt(sum % ALPHABET.length());
    }
}
