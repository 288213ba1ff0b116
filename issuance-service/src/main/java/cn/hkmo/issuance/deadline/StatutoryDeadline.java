package cn.hkmo.issuance.deadline;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import cn.hkmo.kit.calendar.StatutoryHolidays;
import cn.hkmo.kit.calendar.WorkingDayCalendar;
import cn.hkmo.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Computes issuance deadlines from the acceptance date on the working-day calendar. Plain Java: the CDI bean is
 * built in {@code IssuanceBeans} on the service's current calendar, which may change while it runs.
 */
public class StatutoryDeadline {

    private final Supplier<WorkingDayCalendar> calendar;
    private final DeadlineRules rules;

    public StatutoryDeadline(Supplier<WorkingDayCalendar> calendar, DeadlineRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    /** The same rules on a given calendar (the one a notice is about to make current). */
    public StatutoryDeadline on(WorkingDayCalendar other) {
        return new StatutoryDeadline(() -> other, rules);
    }

    public DeadlineRules rules() {
        return rules;
    }

    /**
     * The deadline of a newly accepted application.
     *
     * @throws CalendarYearUnknownException if the period runs into a year the calendar cannot cover
     */
    public Deadline initial(LocalDate acceptanceDate, boolean hukouLocal) {
        WorkingDayCalendar c = calendar.get();
        if (hukouLocal) {
            return workingDays(c, acceptanceDate, rules.hukouWorkingDays(), DeadlineBasis.HUKOU_WORKING_DAYS);
        }
        if (rules.nonHukouUnit() == DeadlineRules.DayUnit.WORKING_DAYS) {
            return workingDays(c, acceptanceDate, rules.nonHukouDays(), DeadlineBasis.NON_HUKOU_DAYS);
        }
        // calendar days do not depend on holidays: never provisional
        LocalDate date = acceptanceDate.plusDays(rules.acceptanceDayCounts() ? rules.nonHukouDays() - 1L : rules.nonHukouDays());
        return new Deadline(date, DeadlineBasis.NON_HUKOU_DAYS, rules.nonHukouDays(), false);
    }

    /**
     * The deadline after an approved extension to {@code workingDays} in total (FAQ Q51: "可以延长至 20 个工作日").
     * Only the working-day limit of the hukou office is extensible; the extension must lengthen it.
     *
     * @throws ProblemException {@code EXTENSION_NOT_APPLICABLE} for a non-hukou case,
     *                          {@code EXTENSION_OUT_OF_RANGE} outside (limit, maximum]
     */
    public Deadline extended(LocalDate acceptanceDate, boolean hukouLocal, int workingDays) {
        if (!hukouLocal) {
            throw new ProblemException(IssuanceError.EXTENSION_NOT_APPLICABLE);
        }
        if (workingDays <= rules.hukouWorkingDays() || workingDays > rules.maxExtendedWorkingDays()) {
            throw new ProblemException(IssuanceError.EXTENSION_OUT_OF_RANGE, workingDays, rules.hukouWorkingDays() + 1,
                    rules.maxExtendedWorkingDays());
        }
        return workingDays(calendar.get(), acceptanceDate, workingDays, DeadlineBasis.EXTENDED_WORKING_DAYS);
    }

    /** A case's deadline again, by the rule it was set under (a notice arrived, or the case had none yet). */
    public Deadline recomputed(LocalDate acceptanceDate, boolean hukouLocal, DeadlineBasis basis, Integer days) {
        if (basis == DeadlineBasis.EXTENDED_WORKING_DAYS && days != null) {
            return workingDays(calendar.get(), acceptanceDate, days, DeadlineBasis.EXTENDED_WORKING_DAYS);
        }
        return initial(acceptanceDate, hukouLocal);
    }

    /** The last day of the look-ahead window of {@code workingDays} working days from {@code today} (near-deadline view). */
    public LocalDate horizon(LocalDate today, int workingDays) {
        return calendar.get().plusWorkingDays(today, workingDays, false);
    }

    /** Runs a computation on the calendar; a year it cannot cover is the caller's 422 {@code CALENDAR_YEAR_UNKNOWN}. */
    public static <T> T onCalendar(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (CalendarYearUnknownException e) {
            throw new ProblemException(IssuanceError.CALENDAR_YEAR_UNKNOWN, e.date().getYear(), StatutoryHolidays.FIRST_YEAR,
                    StatutoryHolidays.LAST_YEAR);
        }
    }

    private Deadline workingDays(WorkingDayCalendar c, LocalDate acceptanceDate, int n, DeadlineBasis basis) {
        LocalDate date = c.plusWorkingDays(acceptanceDate, n, rules.acceptanceDayCounts());
        return new Deadline(date, basis, n, !c.provisionalYears(acceptanceDate, date).isEmpty());
    }
}
