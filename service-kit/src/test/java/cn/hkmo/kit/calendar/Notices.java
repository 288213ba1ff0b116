package cn.hkmo.kit.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A test notice for 2027, shaped like the 2025 and 2026 ones (调休 around the Spring Festival, Labour Day and
 * National Day). Not the real notice: the tests need a year the bundled data does not publish.
 */
final class Notices {

    static final HolidayNotice YEAR_2027 = new HolidayNotice(2027, "测试用：2027年部分节假日安排（非真实通知）", List.of(
            holiday("元旦", "2027-01-01", "2027-01-03"),
            holiday("春节", "2027-02-05", "2027-02-12", "2027-01-31", "2027-02-20"),
            holiday("清明节", "2027-04-03", "2027-04-05"),
            holiday("劳动节", "2027-05-01", "2027-05-05", "2027-05-08"),
            holiday("端午节", "2027-06-09", "2027-06-09"),
            holiday("中秋节", "2027-09-15", "2027-09-15"),
            holiday("国庆节", "2027-10-01", "2027-10-07", "2027-09-26", "2027-10-09")));

    private Notices() {
    }

    static Holiday holiday(String name, String from, String to, String... makeUp) {
        return new Holiday(name, name, LocalDate.parse(from), LocalDate.parse(to),
                java.util.Arrays.stream(makeUp).map(LocalDate::parse).toList());
    }
}
