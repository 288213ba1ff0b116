package cn.hkmo.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** GB 11643-1999 citizen identity numbers with their ISO 7064 MOD 11-2 check character. */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIds() {
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static String of(String region, LocalDate birth, int sequence) {
        String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return body + checkCharacter(body);
    }

    /** The n-th bench citizen: Beijing Chaoyang, adults born from 1970 on, 900 per birth date. */
    public static String benchCitizen(int n) {
        return of("110105", LocalDate.of(1970, 1, 1).plusDays(n / 900), 100 + n % 900);
    }

    public static boolean valid(String id) {
        return id != null && id.length() == 18 && id.substring(0, 17).chars().allMatch(Character::isDigit)
                && checkCharacter(id) == id.charAt(17);
    }
}
