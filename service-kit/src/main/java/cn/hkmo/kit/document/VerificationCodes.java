package cn.hkmo.kit.document;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes: 80 random bits in Crockford's base 32, printed as four groups of four
 * ({@code 7K2M-Q9XD-4HTB-0W5R}). Unguessable (2^80 codes against the documents of a lifetime), short enough to type
 * from paper, and read leniently as typed: any case, with or without hyphens or spaces, O for 0 and I or L for 1.
 */
public final class VerificationCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return grouped(code);
    }

    /** The code as printed, or empty when the entry cannot be a code. */
    public static Optional<String> normalise(String entered) {
        if (entered == null || entered.length() > 40) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : entered.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(grouped(code)) : Optional.empty();
    }

    private static String grouped(CharSequence code) {
        return code.subSequence(0, 4) + "-" + code.subSequence(4, 8) + "-" + code.subSequence(8, 12) + "-"
                + code.subSequence(12, 16);
    }
}
