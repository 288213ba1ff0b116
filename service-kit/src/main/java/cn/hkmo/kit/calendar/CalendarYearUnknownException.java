package cn.hkmo.kit.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * A date lies in a year the calendar can say nothing about: before {@link StatutoryHolidays#FIRST_YEAR} with
 * no notice (the old holiday rules applied), or after {@link StatutoryHolidays#LAST_YEAR}.
 */
public class CalendarYearUnknownException extends RuntimeException {

    private final LocalDate date;
    private final Set<Integer> publishedYears;

    public CalendarYearUnknownException(LocalDate date, Set<Integer> publishedYears) {
        super("working-day calendar cannot cover " + date.getYear() + " (date " + date + "); notices for " + publishedYears
                + ", statutory holidays for " + StatutoryHolidays.FIRST_YEAR + ".." + StatutoryHolidays.LAST_YEAR);
        this.date = date;
        this.publishedYears = Set.copyOf(publishedYears);
    }

    public LocalDate date() {
        return date;
    }

    public Set<Integer> publishedYears() {
        return publishedYears;
    }
}
