package cn.hkmo.appointment.hall;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A hand-written slice of the 2026 State Council calendar (docs/domain.md#r-holidays) for unit tests. */
public final class FixedHolidays implements PublicHolidays {

    public static final FixedHolidays Y2026 = new FixedHolidays(
            Map.of(LocalDate.of(2026, 10, 1), "国庆节", LocalDate.of(2026, 10, 2), "国庆节",
                    LocalDate.of(2026, 10, 5), "国庆节", LocalDate.of(2026, 10, 6), "国庆节", LocalDate.of(2026, 10, 7), "国庆节",
                    LocalDate.of(2026, 9, 25), "中秋节"),
            Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    private final Map<LocalDate, String> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    public FixedHolidays(Map<LocalDate, String> holidays, Set<LocalDate> makeUpWorkdays) {
        this.holidays = holidays;
        this.makeUpWorkdays = makeUpWorkdays;
    }

    @Override
    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    @Override
    public boolean isMakeUpWorkday(LocalDate date) {
        return makeUpWorkdays.contains(date);
    }
}
