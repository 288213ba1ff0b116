package cn.hkmo.kit.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provisional calendar: the statutory days of 《全国年节及纪念日放假办法》 (2025) with the substitute days of
 * Article 6. Lunar dates checked by hand against the Hong Kong Observatory's tables, in the comments.
 */
class StatutoryHolidaysTest {

    @Test
    void year_2027() {
        // 元旦 Fri 1 Jan. 除夕 Fri 5 Feb, 初一 Sat 6, 初二 Sun 7, 初三 Mon 8: two weekend days given back Tue 9, Wed 10.
        // 清明 Mon 5 Apr. 劳动节 Sat 1, Sun 2 May: given back Mon 3, Tue 4. 端午 Wed 9 Jun. 中秋 Wed 15 Sep.
        // 国庆 Fri 1, Sat 2, Sun 3 Oct: given back Mon 4, Tue 5.
        assertThat(names(StatutoryHolidays.of(2027))).containsExactly(
                h("元旦", "2027-01-01", "2027-01-01"),
                h("春节", "2027-02-05", "2027-02-10"),
                h("清明节", "2027-04-05", "2027-04-05"),
                h("劳动节", "2027-05-01", "2027-05-04"),
                h("端午节", "2027-06-09", "2027-06-09"),
                h("中秋节", "2027-09-15", "2027-09-15"),
                h("国庆节", "2027-10-01", "2027-10-05"));
    }

    @Test
    void year_2028_where_mid_autumn_falls_on_national_day() {
        // 元旦 Sat 1 Jan: given back Mon 3. 除夕 Tue 25 Jan – 初三 Fri 28. 清明 Tue 4 Apr. 劳动节 Mon 1, Tue 2 May.
        // 端午 Sun 28 May: given back Mon 29. 中秋 Tue 3 Oct is 国庆's third day: one holiday, Sun 1 Oct given back Wed 4.
        assertThat(names(StatutoryHolidays.of(2028))).containsExactly(
                h("元旦", "2028-01-01", "2028-01-03"),
                h("春节", "2028-01-25", "2028-01-28"),
                h("清明节", "2028-04-04", "2028-04-04"),
                h("劳动节", "2028-05-01", "2028-05-02"),
                h("端午节", "2028-05-28", "2028-05-29"),
                h("国庆节、中秋节", "2028-10-01", "2028-10-04"));
    }

    @Test
    void the_new_year_that_a_less_precise_astronomy_puts_a_day_late() {
        // New moons within minutes of midnight, Beijing time: 6 Feb 2027 23:56, 3 Feb 2030 00:07 (ADR 0007).
        assertThat(StatutoryHolidays.of(2027).get(1).from()).isEqualTo(LocalDate.of(2027, 2, 5));
        assertThat(StatutoryHolidays.of(2030).get(1).from()).isEqualTo(LocalDate.of(2030, 2, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027, 2028, 2029, 2030, 2040, 2057, 2100})
    void every_year_has_the_thirteen_statutory_days_and_one_substitute_per_weekend_day(int year) {
        List<LocalDate> article2 = List.copyOf(StatutoryHolidays.articleTwoDays(year));
        long shared = 13 - article2.size(); // 中秋 on one of 1–3 Oct
        assertThat(shared).isBetween(0L, 1L);
        // a statutory day on a weekday is off itself; one on a weekend is given back on one weekday
        long weekdaysOff = StatutoryHolidays.of(year).stream()
                .flatMap(h -> h.from().datesUntil(h.to().plusDays(1))).filter(d -> !weekend(d)).count();
        assertThat(weekdaysOff).isEqualTo(article2.size());
        assertThat(StatutoryHolidays.of(year)).allSatisfy(h -> assertThat(h.makeUpWorkdays()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void every_statutory_day_of_the_provisional_calendar_lies_in_a_holiday_of_that_years_published_notice(int year) {
        WorkingDayCalendar published = WorkingDayCalendar.bundled();
        for (Holiday statutory : StatutoryHolidays.of(year)) {
            statutory.from().datesUntil(statutory.to().plusDays(1)).forEach(day -> assertThat(published.holiday(day))
                    .as("%s (%s) in the %d notice", day, statutory.name(), year).isPresent());
        }
    }

    @Test
    void outside_the_amended_rules_nothing_is_computed() {
        assertThat(StatutoryHolidays.covers(2024)).isFalse();
        assertThatThrownBy(() -> StatutoryHolidays.of(2024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatutoryHolidays.of(2101)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String h(String name, String from, String to) {
        return name + " " + from + ".." + to;
    }

    private static List<String> names(List<Holiday> holidays) {
        return holidays.stream().map(x -> h(x.name(), x.from().toString(), x.to().toString())).toList();
    }
}
