package cn.hkmo.kit.calendar;

/**
 * One thing wrong with a holiday notice, structured so that an API can word it in the caller's language.
 *
 * @param field where, e.g. {@code holidays[2].from}, {@code notice}, {@code year}
 * @param kind  what
 * @param value the offending value (a date, a name), or empty
 */
public record NoticeProblem(String field, Kind kind, String value) {

    public enum Kind {
        MISSING("missing"),
        NOT_A_DATE("not an ISO date: %s"),
        ENDS_BEFORE_START("ends before it starts (%s)"),
        TOO_LONG("lasts more than " + HolidayNotice.MAX_HOLIDAY_DAYS + " days (%s)"),
        MAKE_UP_NOT_WEEKEND("make-up workday %s is not a Saturday or Sunday"),
        LISTED_TWICE("%s is listed twice"),
        OUTSIDE_YEAR("%s is more than a year away from the notice's year"),
        STATUTORY_DAY_WORKING("%s is a statutory holiday (Article 2) but no holiday of the notice covers it"),
        YEAR_OUT_OF_RANGE("%s is outside " + HolidayNotice.MIN_YEAR + ".." + HolidayNotice.MAX_YEAR),
        YEAR_MISMATCH("the notice is for %s"),
        YEAR_TWICE("%s appears twice"),
        NOTICES_DISAGREE("%s is off in one notice and a make-up workday in another");

        private final String english;

        Kind(String english) {
            this.english = english;
        }
    }

    /** For logs and exception messages. */
    @Override
    public String toString() {
        return field + ": " + kind.english.formatted(value);
    }
}
