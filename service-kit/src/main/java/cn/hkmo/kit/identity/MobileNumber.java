package cn.hkmo.kit.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland mobile numbers (docs/domain.md#r-mobile): 11 digits, 1 then 3–9. A +86 / 0086 prefix, spaces and
 * hyphens are accepted and dropped; carrier prefixes are not whitelisted because allocations change.
 */
public final class MobileNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private MobileNumber() {
    }

    /** The 11-digit form, or empty if it is not a mainland mobile number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** {@code 138****5678}, for responses and logs. */
    public static String mask(String mobile) {
        return mobile == null || mobile.length() != 11 ? "****" : mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
}
