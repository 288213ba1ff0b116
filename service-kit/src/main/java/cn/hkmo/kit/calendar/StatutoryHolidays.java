package cn.hkmo.kit.calendar;

import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The public holidays the law itself fixes (法定节假日), for a year whose State Council notice is not
 * out yet: 《全国年节及纪念日放假办法》 as amended by the State Council on 2024-11-10 with effect from
 * 2025-01-01, Article 2 (the days) and Article 6 (a holiday on a Saturday or Sunday is given back on a
 * working day, 补假). Weekends stay off; there are no make-up workdays, which only a notice can decide.
 *
 * <p>Lunar dates and the Qingming solar term come from tyme4j (the 寿星天文历 algorithm; ADR 0007), not
 * from a table. A calendar built on these days is <em>provisional</em>: a notice usually adds bridge
 * days and make-up workdays, never removes a statutory day (checked against 2025 and 2026 in the tests,
 * and for every loaded notice by {@link HolidayNotice#validate}).
 */
public final class StatutoryHolidays {

    /** The first year the amended rules apply to; earlier years need their notice. */
    public static final int FIRST_YEAR = 2025;
    /** The last year computed; beyond it lunar dates are not worth trusting for deadlines. */
    public static final int LAST_YEAR = 2100;
    /** The legal source, as cited to callers. */
    public static final String SOURCE_ZH = "《全国年节及纪念日放假办法》（2024年11月10日国务院第四次修订，2025年1月1日起施行）第二条、第六条";
    public static final String SOURCE_EN = "Regulations on National Annual Holidays and Memorial Days, as amended by the State Council on "
            + "2024-11-10 (in force 2025-01-01), Articles 2 and 6";

    private StatutoryHolidays() {
    }

    public static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /**
     * The statutory holidays of {@code year}, each with its substitute days, festivals that touch or overlap
     * merged into one (国庆节、中秋节), in calendar order.
     *
     * @throws IllegalArgumentException outside {@link #FIRST_YEAR}..{@link #LAST_YEAR}
     */
    public static List<Holiday> of(int year) {
        List<Festival> festivals = festivals(year);
        TreeSet<LocalDate> off = new TreeSet<>();
        festivals.forEach(f -> off.addAll(f.days()));
        List<Holiday> holidays = new ArrayList<>();
        TreeSet<LocalDate> counted = new TreeSet<>();
        for (Festival f : festivals) {
            LocalDate last = f.last();
            // Article 6: each statutory day on a weekend is given back on the next working day not already off;
            // a day two festivals share (中秋 on 10月1日) is given back once.
            long onWeekends = f.days().stream().filter(d -> isWeekend(d) && counted.add(d)).count();
            LocalDate day = f.last();
            for (int given = 0; given < onWeekends; ) {
                day = day.plusDays(1);
                if (!isWeekend(day) && off.add(day)) {
                    given++;
                    last = day;
                }
            }
            holidays.add(new Holiday(f.name(), f.nameEn(), f.first(), last, List.of()));
        }
        return merge(holidays);
    }

    /**
     * The days Article 2 itself names for {@code year}, without the substitute days: no notice may make one
     * of them a working day ({@link HolidayNotice#validate} holds every notice to it).
     */
    public static SortedSet<LocalDate> articleTwoDays(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        festivals(year).forEach(f -> days.addAll(f.days()));
        return days;
    }

    private static List<Festival> festivals(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException("statutory holidays are computed for " + FIRST_YEAR + ".." + LAST_YEAR + ", not " + year);
        }
        List<Festival> festivals = new ArrayList<>(List.of(
                new Festival("元旦", "New Year's Day", LocalDate.of(year, 1, 1), 1),
                new Festival("春节", "Spring Festival", lunar(year, 1, 1).minusDays(1), 4),
                new Festival("清明节", "Qingming Festival", solarTerm(year, "清明"), 1),
                new Festival("劳动节", "Labour Day", LocalDate.of(year, 5, 1), 2),
                new Festival("端午节", "Dragon Boat Festival", lunar(year, 5, 5), 1),
                new Festival("中秋节", "Mid-Autumn Festival", lunar(year, 8, 15), 1),
                new Festival("国庆节", "National Day", LocalDate.of(year, 10, 1), 3)));
        festivals.sort(Comparator.comparing(Festival::first));
        return festivals;
    }

    /** Festivals whose days touch or overlap become one holiday, as the notices write them. */
    private static List<Holiday> merge(List<Holiday> sorted) {
        List<Holiday> merged = new ArrayList<>();
        for (Holiday h : sorted) {
            Holiday previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !h.from().isAfter(previous.to().plusDays(1))) {
                LocalDate to = h.to().isAfter(previous.to()) ? h.to() : previous.to();
                merged.set(merged.size() - 1, new Holiday(previous.name() + "、" + h.name(),
                        previous.nameEn() + " and " + h.nameEn(), previous.from(), to, List.of()));
            } else {
                merged.add(h);
            }
        }
        return List.copyOf(merged);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The Gregorian date of a day of the lunar year that begins in Gregorian {@code year} (never a leap month). */
    private static LocalDate lunar(int year, int month, int day) {
        return date(LunarDay.fromYmd(year, month, day).getSolarDay());
    }

    private static LocalDate solarTerm(int year, String name) {
        return date(SolarTerm.fromName(year, name).getSolarDay());
    }

    private static LocalDate date(SolarDay d) {
        return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    private record Festival(String name, String nameEn, LocalDate first, int length) {

        LocalDate last() {
            return first.plusDays(length - 1L);
        }

        List<LocalDate> days() {
            return first.datesUntil(first.plusDays(length)).toList();
        }
    }
}
