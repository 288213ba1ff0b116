package cn.hkmo.appointment.booking;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * After {@code threshold} no-shows (爽约) within {@code lookback}, online booking is refused for
 * {@code restriction} from the last of them. There is no national rule (docs/domain.md#r-booking); the default
 * follows the one local example found: 3 in 6 months, 1 year.
 */
public record NoShowPolicy(int threshold, Period lookback, Period restriction) {

    public NoShowPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold is at least one no-show");
        }
    }

    /** How far back no-shows can still matter today: the caller loads no-shows since this day. */
    public LocalDate relevantSince(LocalDate today) {
        return today.minus(restriction).minus(lookback);
    }

    /** The last day the citizen is restricted, if the restriction still runs after {@code today}. */
    public Optional<LocalDate> restrictedUntil(List<LocalDate> noShowDates, LocalDate today) {
        List<LocalDate> dates = noShowDates.stream().sorted().toList();
        LocalDate until = null;
        for (int last = threshold - 1; last < dates.size(); last++) {
            LocalDate first = dates.get(last - threshold + 1);
            if (!first.plus(lookback).isBefore(dates.get(last))) {
                LocalDate end = dates.get(last).plus(restriction);
                until = until == null || end.isAfter(until) ? end : until;
            }
        }
        return Optional.ofNullable(until).filter(end -> !end.isBefore(today));
    }
}
