package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.hall.TimeWindow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A pool of places: one window of one day at one hall. Its capacity row is keyed the same way. */
public record Slot(String hallId, LocalDate date, TimeWindow window) implements Comparable<Slot> {

    public ZonedDateTime startsAt(ZoneId zone) {
        return date.atTime(window.start()).atZone(zone);
    }

    public ZonedDateTime endsAt(ZoneId zone) {
        return date.atTime(window.end()).atZone(zone);
    }

    /** A total order, so a transaction that touches two slots locks them in the same order as any other. */
    @Override
    public int compareTo(Slot other) {
        int byHall = hallId.compareTo(other.hallId);
        if (byHall != 0) {
            return byHall;
        }
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : window.compareTo(other.window);
    }
}
