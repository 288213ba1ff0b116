package cn.hkmo.issuance.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "if my application is accepted on this day, by when is it issued?" (public, no token).
 *
 * @param dueDate     the last day the permit must be issued by
 * @param basis       the rule, with {@code days} in its unit ({@code WORKING_DAYS} or {@code CALENDAR_DAYS})
 * @param rule        the rule in words, in the caller's language
 * @param legalSource where the rule is written
 * @param provisional whether a year of the period has no holiday notice yet (then the date may move)
 * @param calendar    for each year the period runs through, what its working days rest on
 * @param urgentNote  what 急事急办 changes, when asked for an urgent case
 */
public record DeadlineEstimate(LocalDate acceptanceDate, boolean hukouOffice, boolean urgent, LocalDate dueDate,
                               DeadlineBasis basis, int days, String unit, String rule, String legalSource,
                               boolean provisional, String note, List<CalendarYear> calendar, String urgentNote) {

    /**
     * @param published whether the year's State Council notice is loaded
     * @param basis     the notice's title, or the statutory rule
     */
    public record CalendarYear(int year, boolean published, String basis) {
    }
}
