package cn.hkmo.issuance.permit;

import java.time.LocalDate;
import java.time.Period;

/** Validity of the permit card (FAQ Q55): 5 years if under 16 at application, 10 years from 16 (included). */
public final class PermitValidity {

    public static final int ADULT_AGE = 16;

    private PermitValidity() {
    }

    public static int yearsFor(LocalDate birthDate, LocalDate applicationDate) {
        return Period.between(birthDate, applicationDate).getYears() < ADULT_AGE ? 5 : 10;
    }

    /**
     * The last valid day of a period starting on {@code from}: the day before the anniversary, as
     * printed on the card ("2024.09.15–2034.09.14"); when the anniversary does not exist (31 Jan + 3
     * months, 29 Feb + 10 years) the month's last day, as in Civil Code art. 202. The card's exact
     * convention is not in the sources (UNCONFIRMED).
     */
    public static LocalDate lastDay(LocalDate from, Period period) {
        LocalDate anniversary = from.plus(period);
        boolean clampedToMonthEnd = anniversary.getDayOfMonth() < from.getDayOfMonth();
        return clampedToMonthEnd ? anniversary : anniversary.minusDays(1);
    }
}
