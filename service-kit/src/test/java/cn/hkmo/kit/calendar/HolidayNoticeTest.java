package cn.hkmo.kit.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks every notice passes, whichever way it comes in (bundled, file, admin API, event). */
class HolidayNoticeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_notice_reads_back_from_its_own_json_with_the_same_digest() throws Exception {
        HolidayNotice read = HolidayNotice.parse(JSON.readTree(Notices.YEAR_2027.toJson().toString()), "test");
        assertThat(read.holidays()).extracting(Holiday::from).isEqualTo(Notices.YEAR_2027.holidays().stream().map(Holiday::from).toList());
        assertThat(read.sha256()).isEqualTo(Notices.YEAR_2027.sha256()).hasSize(64);
    }

    @Test
    void a_notice_that_leaves_a_statutory_day_working_is_refused() {
        // 清明 2027 is Mon 5 Apr: a notice giving 3–4 Apr only is a typo, whatever else is right
        HolidayNotice typo = new HolidayNotice(2027, "typo", Notices.YEAR_2027.holidays().stream()
                .map(h -> h.name().equals("清明节") ? Notices.holiday("清明节", "2027-04-03", "2027-04-04") : h).toList());
        assertThat(typo.problems()).containsExactly(new NoticeProblem("holidays", NoticeProblem.Kind.STATUTORY_DAY_WORKING, "2027-04-05"));
    }

    @Test
    void every_problem_is_named_at_once() throws Exception {
        String json = """
                {"year": 2027, "notice": "", "holidays": [
                  {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "makeUpWorkdays": ["2027-01-05", "2027-01-02"]},
                  {"name": "春节", "from": "2027-02-30", "to": "2027-02-10"},
                  {"name": "", "from": "2027-03-10", "to": "2027-03-01"}
                ]}""";
        assertThatThrownBy(() -> HolidayNotice.parse(JSON.readTree(json), "admin"))
                .isInstanceOfSatisfying(InvalidCalendarDataException.class, e -> assertThat(e.problems()).contains(
                        new NoticeProblem("notice", NoticeProblem.Kind.MISSING, ""),
                        new NoticeProblem("holidays[0].makeUpWorkdays", NoticeProblem.Kind.MAKE_UP_NOT_WEEKEND, "2027-01-05"),
                        new NoticeProblem("holidays[0].makeUpWorkdays", NoticeProblem.Kind.LISTED_TWICE, "2027-01-02"),
                        new NoticeProblem("holidays[1].from", NoticeProblem.Kind.NOT_A_DATE, "2027-02-30"),
                        new NoticeProblem("holidays[2].name", NoticeProblem.Kind.MISSING, ""),
                        new NoticeProblem("holidays[2].to", NoticeProblem.Kind.ENDS_BEFORE_START, "2027-03-10..2027-03-01")));
    }

    @Test
    void a_year_out_of_range_or_a_date_far_from_it_is_refused() {
        assertThat(new HolidayNotice(1999, "old", List.of()).problems())
                .containsExactly(new NoticeProblem("year", NoticeProblem.Kind.YEAR_OUT_OF_RANGE, "1999"));
        HolidayNotice far = new HolidayNotice(2027, "far", List.of(Notices.holiday("元旦", "2029-01-01", "2029-01-01")));
        assertThat(far.problems()).contains(new NoticeProblem("holidays[0]", NoticeProblem.Kind.OUTSIDE_YEAR, "2029-01-01"));
    }

    @Test
    void a_notice_may_reach_into_the_previous_year_and_the_calendar_takes_that_day() {
        HolidayNotice spill = new HolidayNotice(2028, "spill", List.copyOf(StatutoryHolidays.of(2028).stream()
                .map(h -> h.name().equals("元旦") ? Notices.holiday("元旦", "2027-12-31", "2028-01-03") : h).toList()));
        assertThat(spill.problems()).isEmpty();
        assertThat(WorkingDayCalendar.of(List.of(Notices.YEAR_2027, spill)).isWorkingDay(java.time.LocalDate.of(2027, 12, 31))).isFalse();
    }
}
