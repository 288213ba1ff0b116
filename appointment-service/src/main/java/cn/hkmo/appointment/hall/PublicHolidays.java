package cn.hkmo.appointment.hall;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the State Council calendar (docs/domain.md#r-holidays) means for a hall: closed on public holidays, open on
 * make-up workdays (调休上班) even when they fall on a weekend. Backed by the kit's working-day calendar.
 */
public interface PublicHolidays {

    /** The holiday's name if {@code date} is a day off of a public holiday. */
    Optional<String> holidayOn(LocalDate date);

    /** A Saturday or Sunday that the State Council made a working day. */
    boolean isMakeUpWorkday(LocalDate date);
}
