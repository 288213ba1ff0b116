package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.Violation;
import cn.hkmo.appointment.hall.Closure;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.HallDays;
import cn.hkmo.appointment.hall.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the bookable windows of a hall from its opening plan, the calendar and its closures, for
 * the booking horizon. Pure computation on every read: no batch job has to create slots first; the
 * capacity rows in the database are created lazily on the first booking of a window.
 */
public final class SlotPlanner {

    private final HallDays hallDays;
    private final BookingHorizon horizon;

    public SlotPlanner(HallDays hallDays, BookingHorizon horizon) {
        this.hallDays = hallDays;
        this.horizon = horizon;
    }

    /** One day of a hall: either closed (and why) or the windows still bookable at {@code now}. */
    public record PlannedDay(LocalDate date, Optional<Closure> closure, List<TimeWindow> windows) {
    }

    public LocalDate firstDay(Instant now) {
        return now.atZone(horizon.zone()).toLocalDate();
    }

    public LocalDate lastDay(Instant now) {
        return firstDay(now).plusDays(horizon.days());
    }

    /**
     * The days from {@code from} to {@code to} (inclusive), clipped to the horizon. Days on which the
     * plan does not open at all are left out; closed days are listed with their closure.
     */
    public List<PlannedDay> plan(Hall hall, Map<LocalDate, String> adHocClosures, Instant now, LocalDate from, LocalDate to) {
        LocalDate first = max(from, firstDay(now));
        LocalDate last = min(to, lastDay(now));
        ZonedDateTime earliestStart = now.atZone(horizon.zone()).plus(horizon.minimumNotice());
        List<PlannedDay> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            Optional<Closure> closure = hallDays.closureOn(date, adHocClosures);
            if (closure.isPresent()) {
                days.add(new PlannedDay(date, closure, List.of()));
            } else if (hallDays.isOpen(hall.plan(), date, adHocClosures)) {
                LocalDate day = date;
                List<TimeWindow> open = hall.plan().windows().stream()
                        .filter(w -> !day.atTime(w.start()).atZone(horizon.zone()).isBefore(earliestStart))
                        .toList();
                days.add(new PlannedDay(date, Optional.empty(), open));
            }
        }
        return days;
    }

    /**
     * Checks that a citizen may book the window starting at {@code start} on {@code date}: a window
     * of the plan, on an open day, not begun, within the horizon and the minimum notice.
     */
    public Optional<Violation> check(Hall hall, Map<LocalDate, String> adHocClosures, LocalDate date, LocalTime start,
                                     Instant now) {
        Optional<TimeWindow> window = hall.plan().windows().stream().filter(w -> w.start().equals(start)).findFirst();
        if (window.isEmpty()) {
            return Optional.of(Violation.of("windowStart", AppointmentError.WINDOW_NOT_OFFERED, hall.id(), date, start));
        }
        ZonedDateTime startsAt = date.atTime(start).atZone(horizon.zone());
        if (!startsAt.toInstant().isAfter(now)) {
            return Optional.of(Violation.of("date", AppointmentError.WINDOW_IN_PAST, date, start));
        }
        if (date.isAfter(lastDay(now))) {
            return Optional.of(Violation.of("date", AppointmentError.WINDOW_OUTSIDE_HORIZON, date, horizon.days()));
        }
        if (startsAt.toInstant().isBefore(now.plus(horizon.minimumNotice()))) {
            return Optional.of(Violation.of("windowStart", AppointmentError.WINDOW_TOO_SOON, date, start,
                    horizon.minimumNotice().toHours()));
        }
        Optional<Closure> closure = hallDays.closureOn(date, adHocClosures);
        if (closure.isPresent()) {
            return Optional.of(Violation.of("date", AppointmentError.HALL_CLOSED, hall.id(), date, closure.get().reason()));
        }
        if (!hallDays.isOpen(hall.plan(), date, adHocClosures)) {
            return Optional.of(Violation.of("date", AppointmentError.HALL_CLOSED, hall.id(), date, date.getDayOfWeek()));
        }
        return Optional.empty();
    }

    /** The slot a valid request refers to (call {@link #check} first). */
    public Slot slot(Hall hall, LocalDate date, LocalTime start) {
        TimeWindow window = hall.plan().windows().stream().filter(w -> w.start().equals(start)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a window of " + hall.id()));
        return new Slot(hall.id(), date, window);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
