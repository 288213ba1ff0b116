package cn.hkmo.kit.calendar;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * CDI event: the service's working-day calendar now has other notices (a file changed, a notice was loaded
 * through the API or arrived as an event). Observers recompute what they derived from the previous one.
 */
public record CalendarChanged(WorkingDayCalendar previous, WorkingDayCalendar current) {

    /** Years with a notice now that had none, or a different one, before. */
    public SortedSet<Integer> changedYears() {
        SortedSet<Integer> years = new TreeSet<>();
        for (HolidayNotice n : current.notices()) {
            if (!previous.notice(n.year()).map(HolidayNotice::sha256).orElse("").equals(n.sha256())) {
                years.add(n.year());
            }
        }
        return years;
    }
}
