package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.hall.Closure;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.HallService;
import cn.hkmo.appointment.hall.HallSnapshot;
import cn.hkmo.appointment.hall.TimeWindow;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Availability by day and window: the plan-derived windows, minus what the capacity rows say is taken. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvailabilityService {

    /** Longest range one request may ask for. */
    public static final int MAX_DAYS = 31;

    private final HallService halls;
    private final SlotPlanner planner;
    private final Places places;
    private final Clock clock;

    public AvailabilityService(HallService halls, SlotPlanner planner, Places places, Clock clock) {
        this.halls = halls;
        this.planner = planner;
        this.places = places;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DayView(LocalDate date, boolean open, String closedFor, Closure.Kind closureKind, List<WindowAvailability> windows) {
    }

    public record AvailabilityView(String hallId, String hallName, LocalDate from, LocalDate to, List<DayView> days) {
    }

    public AvailabilityView availability(String hallId, LocalDate from, LocalDate to) {
        HallSnapshot snapshot = halls.snapshot(hallId);
        Hall hall = snapshot.hall();
        Instant now = clock.instant();
        LocalDate first = from == null ? planner.firstDay(now) : from;
        LocalDate last = to == null || to.isAfter(first.plusDays(MAX_DAYS - 1)) ? first.plusDays(MAX_DAYS - 1) : to;
        Map<LocalDate, Map<LocalTime, Places.Counter>> counters = places.counters(hallId, first, last, now);
        List<DayView> days = new ArrayList<>();
        for (SlotPlanner.PlannedDay day : planner.plan(hall, snapshot.closures(), now, first, last)) {
            if (day.closure().isPresent()) {
                days.add(new DayView(day.date(), false, day.closure().get().reason(), day.closure().get().kind(), List.of()));
                continue;
            }
            Map<LocalTime, Places.Counter> ofDay = counters.getOrDefault(day.date(), Map.of());
            List<WindowAvailability> windows = new ArrayList<>();
            for (TimeWindow window : day.windows()) {
                Places.Counter c = ofDay.get(window.start());
                windows.add(c == null
                        ? WindowAvailability.of(window.start(), window.end(), hall.plan().capacityPerWindow(), 0, 0)
                        : WindowAvailability.of(window.start(), window.end(), c.capacity(), c.taken(), c.expiredHolds()));
            }
            days.add(new DayView(day.date(), true, null, null, windows));
        }
        return new AvailabilityView(hallId, hall.name(), first, last, days);
    }
}
