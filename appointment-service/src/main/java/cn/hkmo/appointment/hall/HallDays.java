package cn.hkmo.appointment.hall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a hall opens on a given day: its plan's weekdays (plus make-up workdays), minus public
 * holidays and its own ad-hoc closures. Computed on every read, so nothing has to be generated first.
 */
public final class HallDays {

    private final PublicHolidays holidays;

    public HallDays(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    /** The closure that keeps the hall shut on {@code date}, if any. */
    public Optional<Closure> closureOn(LocalDate date, Map<LocalDate, String> adHocClosures) {
        String adHoc = adHocClosures.get(date);
        if (adHoc != null) {
            return Optional.of(new Closure(date, Closure.Kind.AD_HOC, adHoc));
        }
        return holidays.holidayOn(date).map(name -> new Closure(date, Closure.Kind.PUBLIC_HOLIDAY, name));
    }

    /** Whether the hall receives booked applicants on {@code date}. */
    public boolean isOpen(OpeningPlan plan, LocalDate date, Map<LocalDate, String> adHocClosures) {
        if (closureOn(date, adHocClosures).isPresent()) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return plan.weekdays().contains(day) || holidays.isMakeUpWorkday(date) && !plan.weekdays().isEmpty();
    }
}
