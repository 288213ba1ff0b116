package cn.hkmo.kit.calendar;

/**
 * CDI event: the service's working-day calendar now has other notices (a file changed, a notice was loaded
 * through the API or arrived as an event). Observers recompute what they derived from the previous one.
 */
public record CalendarChanged(WorkingDayCalendar previous, WorkingDayCalendar current) {
}
