package cn.hkmo.appointment.hall;

/**
 * Where a hall is, by GB/T 2260 codes and names (province, prefecture-level city, district).
 */
public record Region(
        String provinceCode, String provinceName,
        String cityCode, String cityName,
        String districtCode, String districtName) {

    /** Municipalities directly under the central government: the whole province is one city. */
    private static final java.util.Set<String> MUNICIPALITIES = java.util.Set.of("11", "12", "31", "50");

    /**
     * Whether a hukou registered under {@code hukouCode} is "local" to a hall in {@code hallDistrictCode}:
     * same city, or for the four municipalities, same municipality. A hall elsewhere is a non-hukou
     * (异地) application, for which the citizen must accept the non-hukou notice.
     */
    public static boolean sameHukouArea(String hukouCode, String hallDistrictCode) {
        String province = hukouCode.substring(0, 2);
        if (!province.equals(hallDistrictCode.substring(0, 2))) {
            return false;
        }
        return MUNICIPALITIES.contains(province) || hukouCode.substring(0, 4).equals(hallDistrictCode.substring(0, 4));
    }
}
