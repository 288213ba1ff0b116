package cn.hkmo.issuance.deadline;

/**
 * The statutory time limits (docs/domain.md#r-time-limits, FAQ Q51–Q52), as configuration: the numbers are law, but
 * how "20日" and the acceptance day count are interpretations a legal review may change.
 *
 * @param hukouWorkingDays       limit at the hukou office: 7 working days
 * @param nonHukouDays           limit for a non-hukou application: 20
 * @param nonHukouUnit           what the non-hukou "日" means; calendar days unless decided otherwise
 * @param maxExtendedWorkingDays the limit an approved extension may reach: 20 working days
 * @param acceptanceDayCounts    whether the acceptance day is day 1 of the period (default: it is day 0)
 */
public record DeadlineRules(int hukouWorkingDays, int nonHukouDays, DayUnit nonHukouUnit, int maxExtendedWorkingDays,
                            boolean acceptanceDayCounts) {

    public static final DeadlineRules STATUTORY = new DeadlineRules(7, 20, DayUnit.CALENDAR_DAYS, 20, false);

    public DeadlineRules {
        if (hukouWorkingDays < 1 || nonHukouDays < 1 || maxExtendedWorkingDays < hukouWorkingDays) {
            throw new IllegalArgumentException("inconsistent deadline rules: " + hukouWorkingDays + "/" + nonHukouDays
                    + "/" + maxExtendedWorkingDays);
        }
    }

    public enum DayUnit {
        CALENDAR_DAYS, WORKING_DAYS
    }
}
