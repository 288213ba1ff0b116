package cn.hkmo.appointment.hall;

import java.time.LocalDate;
import java.util.Map;

/**
 * A hall as of one revision: its data with the opening plan, and all its ad-hoc closures (reason by date). What a
 * booking checks its window against; {@link HallSnapshots} keeps one per hall.
 */
public record HallSnapshot(Hall hall, long revision, Map<LocalDate, String> closures) {

    public HallSnapshot {
        closures = Map.copyOf(closures);
    }
}
