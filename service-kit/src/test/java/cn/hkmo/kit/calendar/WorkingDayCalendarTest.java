package cn.hkmo.kit.calendar;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundled data against docs/domain.md#r-holidays, written out again here by hand so that a typo in the JSON
 * file cannot agree with itself.
 */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();

    /** docs/domain.md#r-holidays, 2025 and 2026: "name, first day off, last day off, make-up workdays…". */
    private static final String[] NOTICES = {
            "元旦,2025-01-01,2025-01-01",
            "春节,2025-01-28,2025-02-04,2025-01-26,2025-02-08",
            "清明节,2025-04-04,2025-04-06",
            "劳动节,2025-05-01,2025-05-05,2025-04-27",
            "端午节,2025-05-31,2025-06-02",
            "国庆节、中秋节,2025-10-01,2025-10-08,2025-09-28,2025-10-11",
            "元旦,2026-01-01,2026-01-03,2026-01-04",
            "春节,2026-02-15,2026-02-23,2026-02-14,2026-02-28",
            "清明节,2026-04-04,2026-04-06",
            "劳动节,2026-05-01,2026-05-05,2026-05-09",
            "端午节,2026-06-19,2026-06-21",
            "中秋节,2026-09-25,2026-09-27",
            "国庆节,2026-10-01,2026-10-07,2026-09-20,2026-10-10",
    };

    private static final Map<LocalDate, String> DAYS_OFF = new HashMap<>();
    private static final Map<LocalDate, String> MAKE_UP = new HashMap<>();

    static {
        for (String notice : NOTICES) {
            String[] f = notice.split(",");
            for (LocalDate d = LocalDate.parse(f[1]); !d.isAfter(LocalDate.parse(f[2])); d = d.plusDays(1)) {
                DAYS_OFF.put(d, f[0]);
            }
            for (int i = 3; i < f.length; i++) {
                MAKE_UP.put(LocalDate.parse(f[i]), f[0]);
            }
        }
    }

    @Test
    void publishes_2025_and_2026() {
        assertThat(CALENDAR.publishedYears()).containsExactly(2025, 2026);
        assertThat(CALENDAR.holidays(2025)).hasSize(6);
        assertThat(CALENDAR.holidays(2026)).hasSize(7);
    }

    @Test
    void every_day_of_2025_and_2026_matches_the_notices() {
        assertThat(DAYS_OFF).hasSize(28 + 33);
        assertThat(MAKE_UP).hasSize(5 + 6);
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expected = MAKE_UP.containsKey(d) || (!weekend && !DAYS_OFF.containsKey(d));
            assertThat(CALENDAR.isWorkingDay(d)).as("working day %s", d).isEqualTo(expected);
            assertThat(CALENDAR.holidayName(d)).as("holiday of %s", d).isEqualTo(java.util.Optional.ofNullable(DAYS_OFF.get(d)));
            assertThat(CALENDAR.makeUpWorkdayFor(d).map(Holiday::name)).as("make-up day %s", d)
                    .isEqualTo(java.util.Optional.ofNullable(MAKE_UP.get(d)));
        }
    }

    @Test
    void each_year_has_248_working_days() {
        // 261 weekdays in each year, minus 13 statutory holiday days (the notices move the rest).
        assertThat(workingDaysIn(2025)).isEqualTo(248);
        assertThat(workingDaysIn(2026)).isEqualTo(248);
    }

    @Test
    void every_make_up_day_is_a_weekend_day_worked() {
        MAKE_UP.keySet().forEach(d -> {
            assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(CALENDAR.isWorkingDay(d)).as("%s", d).isTrue();
            assertThat(CALENDAR.holidayName(d)).isEmpty();
        });
    }

    @Test
    void holidays_carry_english_names_too() {
        assertThat(CALENDAR.holiday(LocalDate.of(2026, 2, 17))).get()
                .extracting(Holiday::nameEn).isEqualTo("Spring Festival");
        assertThat(CALENDAR.holiday(LocalDate.of(2025, 10, 6))).get()
                .extracting(Holiday::nameEn).isEqualTo("National Day and Mid-Autumn Festival");
    }

    @Nested
    class Spring_festival_2026 {

        @Test
        void nine_days_off_from_sunday_15_to_monday_23_with_two_make_up_saturdays() {
            for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
                assertThat(CALENDAR.isWorkingDay(d)).as("%s", d).isFalse();
                assertThat(CALENDAR.holidayName(d)).contains("春节");
            }
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();
        }

        @ParameterizedTest(name = "{0} + {1} working days (start counts: {2}) = {3}")
        @CsvSource({
                // Thu 12: Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3) … Fri 27 (6), Sat 28 make-up (7)
                "2026-02-12, 7, false, 2026-02-28",
                "2026-02-12, 7, true,  2026-02-27",
                // Fri 13: Sat 14 (1), Tue 24 (2), 25 (3), 26 (4), 27 (5), Sat 28 (6), Mon Mar 2 (7)
                "2026-02-13, 7, false, 2026-03-02",
                // accepted on the make-up Saturday itself: Tue 24 is day 1
                "2026-02-14, 1, false, 2026-02-24",
                "2026-02-14, 1, true,  2026-02-14",
                // accepted during the holiday (e.g. an urgent case): the start day is no working day either way
                "2026-02-18, 1, true,  2026-02-24",
                "2026-02-18, 1, false, 2026-02-24",
        })
        void periods(LocalDate start, int n, boolean startCounts, LocalDate expected) {
            assertThat(CALENDAR.plusWorkingDays(start, n, startCounts)).isEqualTo(expected);
        }
    }

    @Nested
    class National_day_2026 {

        @Test
        void seven_days_off_with_sunday_20_september_and_saturday_10_october_worked() {
            for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
                assertThat(CALENDAR.holidayName(d)).contains("国庆节");
                assertThat(CALENDAR.isWorkingDay(d)).isFalse();
            }
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
            assertThat(CALENDAR.makeUpWorkdayFor(LocalDate.of(2026, 9, 20)).map(Holiday::name)).contains("国庆节");
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
            assertThat(CALENDAR.holidayName(LocalDate.of(2026, 9, 26))).contains("中秋节");
        }

        @ParameterizedTest(name = "{0} + {1} working days (start counts: {2}) = {3}")
        @CsvSource({
                // Wed 30 Sep: 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Mon 12 (4) … Thu 15 (7)
                "2026-09-30, 7,  false, 2026-10-15",
                "2026-09-30, 7,  true,  2026-10-14",
                // 20 working days: … Thu 15 (7), Fri 16 (8), 19–23 (9–13), 26–30 (14–18), Mon 2 Nov (19), Tue 3 Nov (20)
                "2026-09-30, 20, false, 2026-11-03",
                // Fri 18 Sep: Sun 20 make-up (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5), 25–27 off, Mon 28 (6), Tue 29 (7)
                "2026-09-18, 7,  false, 2026-09-29",
        })
        void periods(LocalDate start, int n, boolean startCounts, LocalDate expected) {
            assertThat(CALENDAR.plusWorkingDays(start, n, startCounts)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 2025 National Day: Fri 26 Sep, Sun 28 make-up (1), 29 (2), 30 (3), 1–8 Oct off, Thu 9 (4), Fri 10 (5), Sat 11 make-up (6), Mon 13 (7)
            "2025-09-26, 7, 2025-10-13",
            // 2025 Spring Festival: Fri 24 Jan, Sun 26 make-up (1), Mon 27 (2), 28 Jan–4 Feb off, Wed 5 (3) … Fri 7 (5), Sat 8 make-up (6), Mon 10 (7)
            "2025-01-24, 7, 2025-02-10",
            // Labour Day 2025: Fri 25 Apr, Sun 27 make-up (1), Mon 28 (2), Tue 29 (3), Wed 30 (4), 1–5 May off, Tue 6 (5), Wed 7 (6), Thu 8 (7)
            "2025-04-25, 7, 2025-05-08",
            // Labour Day 2026: Thu 30 Apr, 1–5 May off, Wed 6 (1), Thu 7 (2), Fri 8 (3), Sat 9 make-up (4), Mon 11 (5), Tue 12 (6), Wed 13 (7)
            "2026-04-30, 7, 2026-05-13",
    })
    void periods_around_other_holidays(LocalDate start, int n, LocalDate expected) {
        assertThat(CALENDAR.plusWorkingDays(start, n, false)).isEqualTo(expected);
    }

    @Nested
    class Year_boundary {

        @Test
        void a_period_runs_from_2025_into_2026_across_new_year_and_its_make_up_sunday() {
            // Mon 29 Dec: Tue 30 (1), Wed 31 (2), 1–3 Jan off, Sun 4 make-up (3), Mon 5 (4) … Thu 8 (7)
            assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2025, 12, 29), 7, false)).isEqualTo(LocalDate.of(2026, 1, 8));
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 12, 31))).isTrue();
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
        }

        @Test
        void a_period_running_into_2027_is_computed_on_its_statutory_holidays_and_says_so() {
            // Mon 28 Dec 2026: 29, 30, 31 (1–3), Fri 1 Jan 2027 off (元旦), Mon 4 (4) … Thu 7 (7)
            LocalDate end = CALENDAR.plusWorkingDays(LocalDate.of(2026, 12, 28), 7, false);
            assertThat(end).isEqualTo(LocalDate.of(2027, 1, 7));
            assertThat(CALENDAR.provisionalYears(LocalDate.of(2026, 12, 28), end)).containsExactly(2027);
            assertThat(CALENDAR.provisionalYears(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isEmpty();
        }
    }

    @Nested
    class Years_without_a_notice {

        @Test
        void a_later_year_is_provisional_on_the_statutory_holidays() {
            assertThat(CALENDAR.isPublished(2027)).isFalse();
            assertThat(CALENDAR.covers(LocalDate.of(2027, 1, 4))).isTrue();
            assertThat(CALENDAR.holidays(2027)).isEqualTo(StatutoryHolidays.of(2027));
            assertThat(CALENDAR.holidayName(LocalDate.of(2027, 2, 6))).contains("春节");
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 2, 4))).isTrue();
            assertThat(CALENDAR.makeUpWorkdayFor(LocalDate.of(2027, 2, 20))).isEmpty();
        }

        @Test
        void a_year_before_the_amended_rules_or_past_the_last_computed_one_is_refused() {
            for (LocalDate d : new LocalDate[] {LocalDate.of(2024, 12, 31), LocalDate.of(2101, 1, 4)}) {
                assertThat(CALENDAR.covers(d)).isFalse();
                assertThatThrownBy(() -> CALENDAR.isWorkingDay(d)).isInstanceOf(CalendarYearUnknownException.class);
                assertThatThrownBy(() -> CALENDAR.holidayName(d)).isInstanceOf(CalendarYearUnknownException.class);
                assertThatThrownBy(() -> CALENDAR.makeUpWorkdayFor(d)).isInstanceOf(CalendarYearUnknownException.class);
                assertThatThrownBy(() -> CALENDAR.plusWorkingDays(d, 1, false)).isInstanceOf(CalendarYearUnknownException.class);
            }
            assertThatThrownBy(() -> CALENDAR.holidays(2024)).isInstanceOf(CalendarYearUnknownException.class);
        }

        @Test
        void the_exception_names_the_published_years() {
            assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2020, 5, 1)))
                    .isInstanceOfSatisfying(CalendarYearUnknownException.class,
                            e -> assertThat(e.publishedYears()).containsExactlyInAnyOrder(2025, 2026));
        }

        @Test
        void the_published_notices_end_on_31_december_2026() {
            assertThat(CALENDAR.publishedUntil()).contains(LocalDate.of(2026, 12, 31));
            assertThat(WorkingDayCalendar.of(List.of()).publishedUntil()).isEmpty();
        }
    }

    @Test
    void a_period_is_at_least_one_day() {
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 3, 2), 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Data_provided_by_ops {

        @Test
        void a_file_extends_the_bundled_years(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("cn-working-days.json"),
                    "{\"years\": [" + Notices.YEAR_2027.toJson() + "]}");
            WorkingDayCalendar extended = CALENDAR.extendedBy(WorkingDayCalendar.readNotices(file));
            assertThat(extended.publishedYears()).containsExactly(2025, 2026, 2027);
            assertThat(extended.holidayName(LocalDate.of(2027, 1, 1))).contains("元旦");
            // Wed 29 Sep 2027: Thu 30 (1), 1–7 Oct off, Fri 8 (2), Sat 9 make-up (3), Mon 11 (4) … Thu 14 (7);
            // on the statutory days alone (1–3 Oct, given back on 4–5 Oct) it was Wed 13.
            assertThat(extended.plusWorkingDays(LocalDate.of(2027, 9, 29), 7, false)).isEqualTo(LocalDate.of(2027, 10, 14));
            assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2027, 9, 29), 7, false)).isEqualTo(LocalDate.of(2027, 10, 13));
            assertThat(CALENDAR.publishedYears()).as("the bundled calendar is unchanged").containsExactly(2025, 2026);
        }

        @Test
        void a_year_in_the_file_replaces_the_bundled_one() {
            HolidayNotice corrected2026 = new HolidayNotice(2026, "test", CALENDAR.holidays(2026).stream()
                    .map(h -> h.name().equals("元旦") ? new Holiday("元旦", "New Year's Day", h.from(), h.from(), List.of()) : h)
                    .toList());
            WorkingDayCalendar corrected = CALENDAR.extendedBy(List.of(corrected2026));
            assertThat(corrected.isWorkingDay(LocalDate.of(2026, 1, 2))).isTrue();
            assertThat(corrected.isWorkingDay(LocalDate.of(2026, 1, 4))).as("no make-up Sunday any more").isFalse();
            assertThat(corrected.isWorkingDay(LocalDate.of(2025, 1, 1))).isFalse();
        }

        @Test
        void a_file_that_does_not_read_is_refused() {
            assertThatThrownBy(() -> read("{\"years\": [" + Notices.YEAR_2027.toJson() + ", " + Notices.YEAR_2027.toJson() + "]}"))
                    .isInstanceOf(InvalidCalendarDataException.class).hasMessageContaining("twice");
            assertThatThrownBy(() -> read("{}")).isInstanceOf(InvalidCalendarDataException.class);
            assertThatThrownBy(() -> read("not json")).isInstanceOf(InvalidCalendarDataException.class);
        }

        private List<HolidayNotice> read(String json) {
            return WorkingDayCalendar.readNotices(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        }
    }

    private static int workingDaysIn(int year) {
        Set<LocalDate> working = new HashSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (CALENDAR.isWorkingDay(d)) {
                working.add(d);
            }
        }
        return working.size();
    }
}
