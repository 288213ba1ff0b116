package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.Entries;

import java.time.Period;

/**
 * The fee category of an endorsement [FAQ2 Q54]. fee-service owns the amounts; this service only says
 * which line of the schedule an option falls on, so the citizen can see it before paying.
 */
public enum FeeBand {
    /** 一次有效. */
    SINGLE,
    /** 二次有效. */
    DOUBLE,
    /** 短期(不超过一年)多次有效. */
    MULTIPLE_UP_TO_1_YEAR,
    /** 一年以上(不含一年)两年以下(含两年)多次有效. */
    MULTIPLE_1_TO_2_YEARS,
    /** 两年以上(不含两年)三年以下(不含三年)多次有效. */
    MULTIPLE_2_TO_3_YEARS,
    /** 长期(三年以上,含三年)多次有效. */
    MULTIPLE_3_YEARS_OR_MORE;

    public static FeeBand of(Entries entries, Period validity) {
        if (entries == Entries.SINGLE) {
            return SINGLE;
        }
        if (entries == Entries.DOUBLE) {
            return DOUBLE;
        }
        long months = validity.toTotalMonths();
        boolean extraDays = validity.getDays() > 0;
        if (months < 12 || months == 12 && !extraDays) {
            return MULTIPLE_UP_TO_1_YEAR;
        }
        if (months < 24 || months == 24 && !extraDays) {
            return MULTIPLE_1_TO_2_YEARS;
        }
        if (months < 36) {
            return MULTIPLE_2_TO_3_YEARS;
        }
        return MULTIPLE_3_YEARS_OR_MORE;
    }
}
