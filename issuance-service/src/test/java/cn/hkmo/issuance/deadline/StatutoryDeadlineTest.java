package cn.hkmo.issuance.deadline;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import cn.hkmo.kit.calendar.WorkingDayCalendar;
import cn.hkmo.kit.problem.ProblemException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines on real calendar cases. Every expected date is worked out by hand from docs/domain.md#r-holidays in
 * the comment above it: day 0 is the acceptance day unless the rule says it counts.
 */
class StatutoryDeadlineTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();
    private final StatutoryDeadline statutory = new StatutoryDeadline(() -> CALENDAR, DeadlineRules.STATUTORY);

    @Nested
    class Hukou_office_7_working_days {

        @Test
        void accepted_wednesday_30_september_2026_before_national_day() {
            // 1–7 Oct off; Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Sun 11 off, Mon 12 (4), Tue 13 (5), Wed 14 (6), Thu 15 (7)
            assertThat(statutory.initial(LocalDate.of(2026, 9, 30), true))
                    .isEqualTo(new Deadline(LocalDate.of(2026, 10, 15), DeadlineBasis.HUKOU_WORKING_DAYS, 7, false));
        }

        @Test
        void when_the_acceptance_day_counts_it_is_day_1() {
            StatutoryDeadline counting = new StatutoryDeadline(() -> CALENDAR, new DeadlineRules(7, 20,
                    DeadlineRules.DayUnit.CALENDAR_DAYS, 20, true));
            // Wed 30 Sep (1), Thu 8 Oct (2), Fri 9 (3), Sat 10 (4), Mon 12 (5), Tue 13 (6), Wed 14 (7)
            assertThat(counting.initial(LocalDate.of(2026, 9, 30), true).date()).isEqualTo(LocalDate.of(2026, 10, 14));
        }

        @Test
        void accepted_thursday_12_february_2026_ends_on_the_make_up_saturday_after_spring_festival() {
            // Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5), Fri 27 (6), Sat 28 make-up (7)
            assertThat(statutory.initial(LocalDate.of(2026, 2, 12), true).date()).isEqualTo(LocalDate.of(2026, 2, 28));
        }

        @Test
        void accepted_on_the_make_up_saturday_14_february_2026() {
            // 15–23 off, Tue 24 (1), 25 (2), 26 (3), 27 (4), Sat 28 make-up (5), Mon 2 Mar (6), Tue 3 Mar (7)
            assertThat(statutory.initial(LocalDate.of(2026, 2, 14), true).date()).isEqualTo(LocalDate.of(2026, 3, 3));
        }

        @Test
        void accepted_monday_29_december_2025_runs_into_2026() {
            // Tue 30 (1), Wed 31 (2), 1–3 Jan off, Sun 4 make-up (3), Mon 5 (4), Tue 6 (5), Wed 7 (6), Thu 8 (7)
            assertThat(statutory.initial(LocalDate.of(2025, 12, 29), true).date()).isEqualTo(LocalDate.of(2026, 1, 8));
        }

        @Test
        void a_period_reaching_into_2027_is_provisional_on_its_statutory_holidays() {
            // Tue 29, Wed 30, Thu 31 Dec (1–3), Fri 1 Jan 2027 元旦, Mon 4 (4) … Thu 7 (7)
            assertThat(statutory.initial(LocalDate.of(2026, 12, 28), true))
                    .isEqualTo(new Deadline(LocalDate.of(2027, 1, 7), DeadlineBasis.HUKOU_WORKING_DAYS, 7, true));
        }

        @Test
        void a_period_inside_the_published_years_is_final() {
            assertThat(statutory.initial(LocalDate.of(2026, 12, 14), true).provisional()).isFalse();
        }

        @Test
        void before_the_amended_holiday_rules_and_without_a_notice_it_is_an_explicit_error() {
            assertThatThrownBy(() -> statutory.initial(LocalDate.of(2024, 12, 20), true))
                    .isInstanceOf(CalendarYearUnknownException.class);
        }
    }

    @Nested
    class In_years_without_a_notice {

        /** The test notice for 2027 of the kit's tests, rebuilt: National Day 1–7 Oct with make-up 26 Sep and 9 Oct. */
        private final WorkingDayCalendar with2027 = CALENDAR.extendedBy(List.of(Notices2027.NOTICE));

        @Test
        void accepted_wednesday_29_september_2027_provisional_then_final_a_day_later() {
            // statutory only: 1–3 Oct off, given back 4–5 Oct. Thu 30 (1), Wed 6 (2), Thu 7 (3), Fri 8 (4), Mon 11 (5) … Wed 13 (7)
            Deadline provisional = statutory.initial(LocalDate.of(2027, 9, 29), true);
            assertThat(provisional).isEqualTo(new Deadline(LocalDate.of(2027, 10, 13), DeadlineBasis.HUKOU_WORKING_DAYS, 7, true));
            // with the notice: 1–7 Oct off, Sat 9 worked. Thu 30 (1), Fri 8 (2), Sat 9 (3), Mon 11 (4) … Thu 14 (7)
            assertThat(statutory.on(with2027).recomputed(LocalDate.of(2027, 9, 29), true, provisional.basis(), provisional.days()))
                    .isEqualTo(new Deadline(LocalDate.of(2027, 10, 14), DeadlineBasis.HUKOU_WORKING_DAYS, 7, false));
        }

        @Test
        void accepted_wednesday_30_june_2027_provisional_and_unmoved_by_the_notice() {
            // Thu 1 Jul (1), Fri 2 (2), Mon 5 (3) … Fri 9 (7): no holiday either way
            assertThat(statutory.initial(LocalDate.of(2027, 6, 30), true))
                    .isEqualTo(new Deadline(LocalDate.of(2027, 7, 9), DeadlineBasis.HUKOU_WORKING_DAYS, 7, true));
            assertThat(statutory.on(with2027).initial(LocalDate.of(2027, 6, 30), true))
                    .isEqualTo(new Deadline(LocalDate.of(2027, 7, 9), DeadlineBasis.HUKOU_WORKING_DAYS, 7, false));
        }

        @Test
        void accepted_wednesday_20_december_2028_runs_into_2029_both_provisional() {
            // extension to 20 working days: Dec 21 (1) … Fri 29 (7), Mon 1 Jan 2029 元旦, Tue 2 (8) … Wed 17 Jan (19), Thu 18 (20)
            Deadline extended = statutory.extended(LocalDate.of(2028, 12, 20), true, 20);
            assertThat(extended).isEqualTo(new Deadline(LocalDate.of(2029, 1, 18), DeadlineBasis.EXTENDED_WORKING_DAYS, 20, true));
            assertThat(statutory.on(with2027).recomputed(LocalDate.of(2028, 12, 20), true, extended.basis(), extended.days())
                    .provisional()).as("a 2027 notice does not make 2028 final").isTrue();
        }

        @Test
        void a_non_hukou_deadline_in_calendar_days_never_depends_on_a_notice() {
            assertThat(statutory.initial(LocalDate.of(2027, 9, 29), false))
                    .isEqualTo(new Deadline(LocalDate.of(2027, 10, 19), DeadlineBasis.NON_HUKOU_DAYS, 20, false));
        }
    }

    @Nested
    class Non_hukou_20_days {

        @Test
        void calendar_days_by_default() {
            // 30 Sep + 20 days = 20 Oct, holidays included ("20日", not "工作日")
            assertThat(statutory.initial(LocalDate.of(2026, 9, 30), false))
                    .isEqualTo(new Deadline(LocalDate.of(2026, 10, 20), DeadlineBasis.NON_HUKOU_DAYS, 20, false));
            // 12 Feb + 20 days = 4 Mar (February 2026 has 28 days), straight through Spring Festival
            assertThat(statutory.initial(LocalDate.of(2026, 2, 12), false).date()).isEqualTo(LocalDate.of(2026, 3, 4));
        }

        @Test
        void calendar_days_with_the_acceptance_day_counting() {
            StatutoryDeadline counting = new StatutoryDeadline(() -> CALENDAR, new DeadlineRules(7, 20,
                    DeadlineRules.DayUnit.CALENDAR_DAYS, 20, true));
            assertThat(counting.initial(LocalDate.of(2026, 9, 30), false).date()).isEqualTo(LocalDate.of(2026, 10, 19));
        }

        @Test
        void calendar_days_need_no_calendar_data() {
            assertThat(statutory.initial(LocalDate.of(2026, 12, 28), false).date()).isEqualTo(LocalDate.of(2027, 1, 17));
        }

        @Test
        void working_days_when_configured_so() {
            StatutoryDeadline working = new StatutoryDeadline(() -> CALENDAR, new DeadlineRules(7, 20,
                    DeadlineRules.DayUnit.WORKING_DAYS, 20, false));
            // Fri 13 Feb (1), Sat 14 (2), Tue 24–Fri 27 (3–6), Sat 28 (7), 2–6 Mar (8–12), 9–13 Mar (13–17), Mon 16 (18), Tue 17 (19), Wed 18 (20)
            assertThat(working.initial(LocalDate.of(2026, 2, 12), false).date()).isEqualTo(LocalDate.of(2026, 3, 18));
        }
    }

    @Nested
    class Extension_up_to_20_working_days {

        @Test
        void extended_to_20_working_days_from_30_september_2026() {
            // Thu 8 Oct (1), Fri 9 (2), Sat 10 (3), 12–16 (4–8), 19–23 (9–13), 26–30 (14–18), Mon 2 Nov (19), Tue 3 Nov (20)
            assertThat(statutory.extended(LocalDate.of(2026, 9, 30), true, 20))
                    .isEqualTo(new Deadline(LocalDate.of(2026, 11, 3), DeadlineBasis.EXTENDED_WORKING_DAYS, 20, false));
        }

        @Test
        void extended_to_15_working_days_across_spring_festival() {
            // … Sat 28 Feb (7), Mon 2 Mar (8) … Fri 6 (12), Mon 9 (13), Tue 10 (14), Wed 11 (15)
            assertThat(statutory.extended(LocalDate.of(2026, 2, 12), true, 15).date()).isEqualTo(LocalDate.of(2026, 3, 11));
        }

        @Test
        void only_between_8_and_20_working_days() {
            assertThatThrownBy(() -> statutory.extended(LocalDate.of(2026, 9, 30), true, 7))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(IssuanceError.EXTENSION_OUT_OF_RANGE));
            assertThatThrownBy(() -> statutory.extended(LocalDate.of(2026, 9, 30), true, 21))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(IssuanceError.EXTENSION_OUT_OF_RANGE));
        }

        @Test
        void not_for_a_non_hukou_case() {
            assertThatThrownBy(() -> statutory.extended(LocalDate.of(2026, 9, 30), false, 20))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(IssuanceError.EXTENSION_NOT_APPLICABLE));
        }
    }

    @Test
    void near_deadline_horizon_counts_working_days_from_today() {
        // Tue 29 Sep 2026: Wed 30 (1), 1–7 Oct off, Thu 8 (2)
        assertThat(statutory.horizon(LocalDate.of(2026, 9, 29), 2)).isEqualTo(LocalDate.of(2026, 10, 8));
    }
}
