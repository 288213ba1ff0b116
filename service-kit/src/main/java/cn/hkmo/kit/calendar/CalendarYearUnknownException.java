package cn.hkmo.kit.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * A date lies in a year whose State Council holiday notice is not in the calendar data. Working
 * days of such a year are unknowable, so the calendar refuses instead of guessing Monday to Friday;
 * ops add the year to the data file when the notice is published.
 */
public class CalendarYearUnknownException extends RuntimeException {

    private final LocalDate date;
    private final Set<Integer> knownYears;

    public CalendarYearUnknownException(LocalDate date, Set<Integer> knownYears) {
        super("working-day calendar has no data for " + date.getYear() + " (date " + date + "); known years: " + knownYears);
        this.date = date;
        this.knownYears = Set.copyOf(knownYears);
    }

    public LocalDate date() {
        return date;
    }

    public Set<Integer> knownYears() {
        return knownYears;
    }
}
