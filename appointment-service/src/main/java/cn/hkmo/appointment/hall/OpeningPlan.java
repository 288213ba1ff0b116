package cn.hkmo.appointment.hall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a hall receives booked applicants: on which weekdays, from when to when, the lunch break,
 * how long one window is and how many applicants one window takes. Windows never straddle the
 * lunch break or closing time; a trailing remainder shorter than a window is not offered.
 */
public record OpeningPlan(
        Set<DayOfWeek> weekdays,
        LocalTime opens,
        LocalTime closes,
        LocalTime lunchStart,
        LocalTime lunchEnd,
        Duration windowLength,
        int capacityPerWindow) {

    public OpeningPlan {
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        if (!opens.isBefore(closes)) {
            throw new Inconsistent("closes", "CLOSES_BEFORE_OPENS", "a hall closes after it opens");
        }
        if ((lunchStart == null) != (lunchEnd == null)) {
            throw new Inconsistent(lunchStart == null ? "lunchStart" : "lunchEnd", "LUNCH_INCOMPLETE",
                    "a lunch break has a start and an end");
        }
        if (lunchStart != null && (lunchStart.isBefore(opens) || !lunchStart.isBefore(lunchEnd) || lunchEnd.isAfter(closes))) {
            throw new Inconsistent(lunchStart.isBefore(opens) ? "lunchStart" : "lunchEnd", "LUNCH_OUTSIDE_HOURS",
                    "the lunch break lies inside opening hours");
        }
        if (windowLength.isNegative() || windowLength.isZero() || windowLength.toMinutes() > 240) {
            throw new Inconsistent("windowMinutes", "WINDOW_LENGTH", "a window lasts between 1 and 240 minutes");
        }
        if (capacityPerWindow < 0) {
            throw new Inconsistent("capacityPerWindow", "CAPACITY_NEGATIVE", "capacity is not negative");
        }
    }

    /**
     * A plan whose parts contradict each other: the field at fault and why, as message key
     * {@code OPENING_PLAN_<reason>} of problems.properties, so an admin reads it beside the field in their language.
     */
    public static final class Inconsistent extends IllegalArgumentException {
        private final String field;
        private final String reason;

        Inconsistent(String field, String reason, String message) {
            super(message);
            this.field = field;
            this.reason = reason;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return "OPENING_PLAN_" + reason;
        }
    }

    /** Monday to Friday, 09:00–17:00 with a 12:00–13:30 lunch break, 30-minute windows. */
    public static OpeningPlan weekdaysNineToFive(int capacityPerWindow) {
        return new OpeningPlan(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
                LocalTime.of(12, 0), LocalTime.of(13, 30), Duration.ofMinutes(30), capacityPerWindow);
    }

    /** The windows of one opening day, in order. */
    public List<TimeWindow> windows() {
        List<TimeWindow> windows = new ArrayList<>();
        if (lunchStart == null) {
            addWindows(windows, opens, closes);
        } else {
            addWindows(windows, opens, lunchStart);
            addWindows(windows, lunchEnd, closes);
        }
        return List.copyOf(windows);
    }

    private void addWindows(List<TimeWindow> windows, LocalTime from, LocalTime until) {
        for (LocalTime start = from; !start.plus(windowLength).isAfter(until) && start.plus(windowLength).isAfter(start);
             start = start.plus(windowLength)) {
            windows.add(new TimeWindow(start, start.plus(windowLength)));
        }
    }

    public boolean isPlannedWindow(TimeWindow window) {
        return windows().contains(window);
    }
}
