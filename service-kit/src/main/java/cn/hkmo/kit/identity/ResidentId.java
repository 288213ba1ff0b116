package cn.hkmo.kit.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A mainland resident identity number (公民身份号码), GB 11643-1999: six-digit address code, birth
 * date, sequence code (odd = male), and an ISO 7064 MOD 11-2 check character.
 *
 * <p>Only the province prefix of the address code is checked: codes abolished since issue stay
 * valid for life (docs/domain.md#r-resident-id). Hong Kong, Macao and Taiwan residence-permit numbers (81/82/83)
 * are not mainland residents and are refused.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Set<String> MAINLAND_PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");

    /** Why a number is not a valid resident ID; each maps to a stable error code. */
    public enum Defect {
        LENGTH, CHARACTERS, PROVINCE, BIRTH_DATE, CHECKSUM
    }

    public enum Sex {
        MALE, FEMALE
    }

    private final String number;
    private final LocalDate birthDate;

    private ResidentId(String number, LocalDate birthDate) {
        this.number = number;
        this.birthDate = birthDate;
    }

    /**
     * Parses an 18-character number ("x" accepted for "X").
     *
     * @param today birth dates after this day are refused
     * @throws InvalidResidentIdException naming the defect
     */
    public static ResidentId parse(String raw, LocalDate today) {
        Optional<Defect> defect = defectOf(raw, today);
        if (defect.isPresent()) {
            throw new InvalidResidentIdException(defect.get());
        }
        String number = raw.trim().toUpperCase();
        return new ResidentId(number, birthDateOf(number));
    }

    /** The first defect of {@code raw}, or empty if it is a valid number born no later than {@code today}. */
    public static Optional<Defect> defectOf(String raw, LocalDate today) {
        if (raw == null || raw.trim().length() != 18) {
            return Optional.of(Defect.LENGTH);
        }
        String number = raw.trim().toUpperCase();
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(number.charAt(i)) || number.charAt(i) > '9') {
                return Optional.of(Defect.CHARACTERS);
            }
        }
        char last = number.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of(Defect.CHARACTERS);
        }
        if (!MAINLAND_PROVINCES.contains(number.substring(0, 2))) {
            return Optional.of(Defect.PROVINCE);
        }
        LocalDate birth;
        try {
            birth = birthDateOf(number);
        } catch (DateTimeException e) {
            return Optional.of(Defect.BIRTH_DATE);
        }
        if (birth.isAfter(today) || birth.getYear() < 1800) {
            return Optional.of(Defect.BIRTH_DATE);
        }
        if (checkCharacter(number) != last) {
            return Optional.of(Defect.CHECKSUM);
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
    static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDateOf(String number) {
        return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                Integer.parseInt(number.substring(12, 14)));
    }

    public String value() {
        return number;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Six-digit GB/T 2260 code of the place where the number was issued (the hukou region at issue). */
    public String addressCode() {
        return number.substring(0, 6);
    }

    public String provinceCode() {
        return number.substring(0, 2) + "0000";
    }

    /** Age in whole years on {@code date} (a birthday counts on the day itself). */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** {@code 110105********123X}: the region and the last four stay, the birth date and sequence do not. */
    public String masked() {
        return mask(number);
    }

    /** Masks any 18-character ID-shaped string without validating it (for logs and echoes of bad input). */
    public static String mask(String raw) {
        if (raw == null || raw.length() < 10) {
            return "****";
        }
        return raw.substring(0, 6) + "*".repeat(raw.length() - 10) + raw.substring(raw.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId other && other.number.equals(number);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number);
    }

    /** Never the full number: a ResidentId that ends up in a log line stays masked. */
    @Override
    public String toString() {
        return masked();
    }

    public static final class InvalidResidentIdException extends IllegalArgumentException {
        private final Defect defect;

        public InvalidResidentIdException(Defect defect) {
            super("invalid resident ID number: " + defect);
            this.defect = defect;
        }

        public Defect defect() {
            return defect;
        }
    }
}
