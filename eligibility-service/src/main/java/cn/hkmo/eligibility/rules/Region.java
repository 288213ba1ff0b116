package cn.hkmo.eligibility.rules;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A GB/T 2260 administrative division code (six digits: province, prefecture, county), docs/domain.md#r-regions.
 * Only mainland provinces are accepted: HK, Macao and Taiwan codes are not mainland residences.
 */
public record Region(String code) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Set<String> MAINLAND_PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");
    /** Beijing, Tianjin, Shanghai, Chongqing: the whole municipality is one city. */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

    public Region {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a mainland GB/T 2260 code: " + code);
        }
    }

    public static boolean isValid(String code) {
        return code != null && SIX_DIGITS.matcher(code).matches() && MAINLAND_PROVINCES.contains(code.substring(0, 2));
    }

    public String province() {
        return code.substring(0, 2) + "0000";
    }

    /** The city (prefecture-level unit) the code belongs to; a municipality is one city. */
    public String city() {
        String prefix = code.substring(0, 2);
        return MUNICIPALITIES.contains(prefix) ? prefix + "0000" : code.substring(0, 4) + "00";
    }

    /** County digits 01–18 are city districts (市辖区), §7.3. */
    public boolean isCityDistrict() {
        int county = Integer.parseInt(code.substring(4));
        return county >= 1 && county <= 18;
    }

    public boolean sameCityAs(Region other) {
        return city().equals(other.city());
    }

    public boolean sameProvinceAs(Region other) {
        return province().equals(other.province());
    }
}
