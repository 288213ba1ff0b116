package cn.hkmo.kit.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland mobile numbers (docs/domain.md#r-mobile): 11 digits, 1 then 3–9. A +86 / 0086 prefix, spaces and
 * hyphens are accepted and dropped; carrier prefixes are not whitelisted because allocations change.
 */
public final class MobileNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** An echo of a rejected entry stays short, however long the entry was. */
    private static final int MAX_HIDDEN = 16;

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

    /**
     * What a citizen entered as a mobile number that is not one, in a form safe to echo in a problem: spaces and
     * hyphens dropped, the first three and last four characters kept and one {@code *} for every character between
     * (at most {@value #MAX_HIDDEN}), so a digit too many or too few, or a wrong prefix, shows
     * ({@code 1380013800} → {@code 138***3800}) without the number in clear. Seven characters or fewer are all
     * {@code *} (their length is what is wrong); null or blank is empty.
     */
    public static String maskEntered(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        int[] entered = raw.replaceAll("[\\s-]", "").codePoints().toArray();
        int hidden = entered.length - 7;
        if (hidden <= 0) {
            return "*".repeat(entered.length);
        }
        return new String(entered, 0, 3) + "*".repeat(Math.min(hidden, MAX_HIDDEN))
                + new String(entered, entered.length - 4, 4);
    }

    /**
     * {@code 138****5678}, for responses and logs; a number kept as entered ({@code +86 138-0013-8000}) too. No
     * number stays null, so an answer never shows a mask for a number nobody gave.
     */
    public static String mask(String mobile) {
        if (mobile == null) {
            return null;
        }
        String digits = normalise(mobile).orElse(mobile);
        return digits.length() != 11 ? "****" : digits.substring(0, 3) + "****" + digits.substring(7);
    }
}
