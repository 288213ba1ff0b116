package cn.hkmo.issuance.permit;

import java.util.random.RandomGenerator;
import java.util.function.Predicate;

/**
 * Permit numbers of the electronic card: a prefix and a fixed-length body. docs/domain.md#r-permit-form marks the
 * format LOW/UNCONFIRMED ("C" + 8 characters, seen as C88600000 and CA3273201), so the prefix,
 * length and alphabet are configuration.
 */
public final class PermitNumberFormat {

    /** Give up rather than loop forever if the number space is nearly exhausted (a configuration error). */
    private static final int MAX_ATTEMPTS = 20;

    private final String prefix;
    private final int length;
    private final String alphabet;

    public PermitNumberFormat(String prefix, int length, String alphabet) {
        if (length < 1 || alphabet.isEmpty()) {
            throw new IllegalArgumentException("permit number needs a length and an alphabet");
        }
        this.prefix = prefix;
        this.length = length;
        this.alphabet = alphabet;
    }

    /**
     * A number not yet {@code taken}. Random rather than sequential, so a number reveals nothing about
     * issue volumes or neighbours.
     */
    public String next(RandomGenerator random, Predicate<String> taken) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StringBuilder number = new StringBuilder(prefix);
            for (int i = 0; i < length; i++) {
                number.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!taken.test(number.toString())) {
                return number.toString();
            }
        }
        throw new IllegalStateException("no free permit number after " + MAX_ATTEMPTS + " attempts");
    }

    public boolean matches(String number) {
        if (number == null || number.length() != prefix.length() + length || !number.startsWith(prefix)) {
            return false;
        }
        return number.substring(prefix.length()).chars().allMatch(c -> alphabet.indexOf(c) >= 0);
    }
}
