package cn.hkmo.issuance.deadline;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.calendar.StatutoryHolidays;
import cn.hkmo.kit.calendar.WorkingDayCalendar;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.problem.RequestLanguage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The public deadline query: the case rules on the current calendar, explained. */
@ApplicationScoped
public class DeadlineQueries {

    private final StatutoryDeadline statutory;
    private final CalendarSource calendars;
    private final RequestLanguage language;

    public DeadlineQueries(StatutoryDeadline statutory, CalendarSource calendars, RequestLanguage language) {
        this.statutory = statutory;
        this.calendars = calendars;
        this.language = language;
    }

    public DeadlineEstimate estimate(LocalDate acceptanceDate, boolean hukouOffice, boolean urgent) {
        WorkingDayCalendar calendar = calendars.current();
        if (!calendar.covers(acceptanceDate)) {
            throw new ProblemException(IssuanceError.CALENDAR_YEAR_UNKNOWN, acceptanceDate.getYear(),
                    StatutoryHolidays.FIRST_YEAR, StatutoryHolidays.LAST_YEAR);
        }
        Deadline deadline = StatutoryDeadline.onCalendar(() -> statutory.on(calendar).initial(acceptanceDate, hukouOffice));
        boolean workingDays = deadline.basis() != DeadlineBasis.NON_HUKOU_DAYS
                || statutory.rules().nonHukouUnit() == DeadlineRules.DayUnit.WORKING_DAYS;
        List<DeadlineEstimate.CalendarYear> years = new ArrayList<>();
        if (workingDays) {
            for (int y = acceptanceDate.getYear(); y <= deadline.date().getYear(); y++) {
                years.add(calendarYear(calendar, y));
            }
        }
        return new DeadlineEstimate(acceptanceDate, hukouOffice, urgent, deadline.date(), deadline.basis(), deadline.days(),
                workingDays ? "WORKING_DAYS" : "CALENDAR_DAYS",
                language.text("deadline.rule." + deadline.basis().name(), deadline.days()),
                language.text("deadline.source.statutory"), deadline.provisional(),
                deadline.provisional() ? language.text("deadline.provisional.note") : null, years,
                urgent ? language.text("deadline.urgent") : null);
    }

    private DeadlineEstimate.CalendarYear calendarYear(WorkingDayCalendar calendar, int year) {
        return calendar.notice(year)
                .map(n -> new DeadlineEstimate.CalendarYear(year, true, language.text("deadline.calendar.notice", n.title())))
                .orElseGet(() -> new DeadlineEstimate.CalendarYear(year, false, language.text("deadline.calendar.statutory",
                        language.english() ? StatutoryHolidays.SOURCE_EN : StatutoryHolidays.SOURCE_ZH)));
    }
}
