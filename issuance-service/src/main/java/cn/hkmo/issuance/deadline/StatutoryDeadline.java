package cn.hkmo.issuance.deadline;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import cn.hkmo.kit.calendar.WorkingDayCalendar;
import cn.hkmo.kit.problem.ProblemException;

import java.time.LocalDate;

/**
 * Computes issuance deadlines from the acceptance date on the working-day calendar. Plain Java: the
 * CDI bean is built in {@link DeadlineBeans}.
 */
public class StatutoryDeadline {

    private final WorkingDayCalendar calendar;
    private final DeadlineRules rules;

    public StatutoryDeadline(WorkingDayCalendar calendar, DeadlineRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    /**
     * The deadline of a newly accepted application.
     *
     * @throws CalendarYearUnknownException if the period runs into a year the calendar has no data for
     */
    public Deadline initial(LocalDate acceptanceDate, boolean hukouLocal) {
        if (hukouLocal) {
            return new Deadline(workingDays(acceptanceDate, rules.hukouWorkingDays()), DeadlineBasis.HUKOU_WORKING_DAYS,
                    rules.hukouWorkingDays());
        }
        LocalDate date = rules.nonHukouUnit() == DeadlineRules.DayUnit.WORKING_DAYS
                ? workingDays(acceptanceDate, rules.nonHukouDays())
                : acceptanceDate.plusDays(rules.acceptanceDayCounts() ? rules.nonHukouDays() - 1L : rules.nonHukouDays());
        return new Deadline(date, DeadlineBasis.NON_HUKOU_DAYS, rules.nonHukouDays());
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
        return new Deadline(workingDays(acceptanceDate, workingDays), DeadlineBasis.EXTENDED_WORKING_DAYS, workingDays);
    }

    /** The last day of the look-ahead window of {@code workingDays} working days from {@code today} (near-deadline view). */
    public LocalDate horizon(LocalDate today, int workingDays) {
        return calendar.plusWorkingDays(today, workingDays, false);
    }

    private LocalDate workingDays(LocalDate acceptanceDate, int n) {
        return calendar.plusWorkingDays(acceptanceDate, n, rules.acceptanceDayCounts());
    }
}
