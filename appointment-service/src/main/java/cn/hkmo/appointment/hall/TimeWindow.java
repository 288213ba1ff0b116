package cn.hkmo.appointment.hall;

import java.time.LocalTime;

/** One bookable time window of a day, e.g. 09:00–09:30. */
public record TimeWindow(LocalTime start, LocalTime end) implements Comparable<TimeWindow> {

    public TimeWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    @Override
    public int compareTo(TimeWindow other) {
        return start.compareTo(other.start);
    }
}
