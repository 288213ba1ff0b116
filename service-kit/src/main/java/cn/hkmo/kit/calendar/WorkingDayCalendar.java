package cn.hkmo.kit.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mainland working-day calendar: Monday to Friday, minus the public holidays, plus the weekend days
 * worked in exchange (调休上班). Plain Java, immutable, safe to share.
 *
 * <p>A year with its State Council notice ({@link HolidayNotice}) is <em>published</em>: its holidays are the
 * notice's. A later year without one yet is <em>provisional</em>: its holidays are the statutory ones
 * ({@link StatutoryHolidays}) and it has no make-up workdays, so deadlines keep coming and say they may move
 * once the notice is loaded. Only a year before {@link StatutoryHolidays#FIRST_YEAR} without a notice, or
 * after {@link StatutoryHolidays#LAST_YEAR}, is refused ({@link CalendarYearUnknownException}).
 */
public final class WorkingDayCalendar {

    /** Classpath location of the bundled notices. */
    public static final String RESOURCE = "calendar/cn-working-days.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeMap<Integer, HolidayNotice> notices;
    private final Map<LocalDate, Holiday> daysOff = new HashMap<>();
    private final Map<LocalDate, Holiday> makeUpWorkdays = new HashMap<>();
    /** Days off of provisional years, computed on first use. */
    private final Map<Integer, Map<LocalDate, Holiday>> statutoryDaysOff = new ConcurrentHashMap<>();

    private WorkingDayCalendar(Map<Integer, HolidayNotice> notices) {
        this.notices = new TreeMap<>(notices);
        for (HolidayNotice notice : this.notices.values()) {
            for (Holiday h : notice.holidays()) {
                h.from().datesUntil(h.to().plusDays(1)).forEach(d -> daysOff.put(d, h));
                h.makeUpWorkdays().forEach(d -> makeUpWorkdays.put(d, h));
            }
        }
        // Each notice was checked on its own; across notices only a year's spill into its neighbour can clash.
        makeUpWorkdays.keySet().stream().filter(daysOff::containsKey).findFirst().ifPresent(d -> {
            throw new InvalidCalendarDataException("notices",
                    List.of(new NoticeProblem("holidays", NoticeProblem.Kind.NOTICES_DISAGREE, d.toString())));
        });
    }

    /** A calendar of these notices (a year given twice: the later one wins). */
    public static WorkingDayCalendar of(Collection<HolidayNotice> notices) {
        Map<Integer, HolidayNotice> byYear = new TreeMap<>();
        notices.forEach(n -> byYear.put(n.year(), n));
        return new WorkingDayCalendar(byYear);
    }

    /** The calendar of the notices shipped in the kit's jar. */
    public static WorkingDayCalendar bundled() {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(WorkingDayCalendar.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return of(readNotices(in, "classpath:" + RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
        }
    }

    /** The notices of a data file in the bundled format (ops keep one in a ConfigMap). */
    public static List<HolidayNotice> readNotices(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readNotices(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar file " + file, e);
        }
    }

    /**
     * Reads and checks notices in the file format {@code {"years": [<notice>, ...]}}: each notice as
     * {@link HolidayNotice#parse} does, and each year once.
     *
     * @param origin names the data in error messages
     */
    public static List<HolidayNotice> readNotices(InputStream in, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new InvalidCalendarDataException(origin + ": not JSON: " + e.getMessage(), e);
        }
        JsonNode years = root == null ? null : root.get("years");
        if (years == null || !years.isArray()) {
            throw new InvalidCalendarDataException(origin, List.of(new NoticeProblem("years", NoticeProblem.Kind.MISSING, "")));
        }
        List<HolidayNotice> notices = new ArrayList<>();
        for (JsonNode entry : years) {
            HolidayNotice notice = HolidayNotice.parse(entry, origin);
            if (notices.stream().anyMatch(n -> n.year() == notice.year())) {
                throw new InvalidCalendarDataException(origin,
                        List.of(new NoticeProblem("years", NoticeProblem.Kind.YEAR_TWICE, String.valueOf(notice.year()))));
            }
            notices.add(notice);
        }
        return notices;
    }

    /** This calendar with {@code newer} notices added; a year in both is taken from {@code newer} (a corrected notice). */
    public WorkingDayCalendar extendedBy(Collection<HolidayNotice> newer) {
        Map<Integer, HolidayNotice> merged = new TreeMap<>(notices);
        newer.forEach(n -> merged.put(n.year(), n));
        return new WorkingDayCalendar(merged);
    }

    /** The years whose notice is in the data. */
    public SortedSet<Integer> publishedYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(notices.keySet()));
    }

    public List<HolidayNotice> notices() {
        return List.copyOf(notices.values());
    }

    public Optional<HolidayNotice> notice(int year) {
        return Optional.ofNullable(notices.get(year));
    }

    public boolean isPublished(int year) {
        return notices.containsKey(year);
    }

    /** The last day a published notice decides: 31 December of the latest year with its notice. */
    public Optional<LocalDate> publishedUntil() {
        return notices.isEmpty() ? Optional.empty() : Optional.of(LocalDate.of(notices.lastKey(), 12, 31));
    }

    /** Whether working days of {@code date}'s year can be told at all, from a notice or from the statutory rule. */
    public boolean covers(LocalDate date) {
        return isPublished(date.getYear()) || StatutoryHolidays.covers(date.getYear());
    }

    /** The years from {@code from} to {@code to} (both included) that are provisional. */
    public SortedSet<Integer> provisionalYears(LocalDate from, LocalDate to) {
        SortedSet<Integer> years = new TreeSet<>();
        for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
            if (!isPublished(y)) {
                years.add(y);
            }
        }
        return years;
    }

    /** The holidays of a year: its notice's, or the statutory ones while it is provisional. */
    public List<Holiday> holidays(int year) {
        HolidayNotice notice = notices.get(year);
        if (notice != null) {
            return notice.holidays();
        }
        requireCovered(LocalDate.of(year, 1, 1));
        return StatutoryHolidays.of(year);
    }

    /** Whether offices work on {@code date}: a weekday that is not a holiday, or a make-up weekend day. */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        if (makeUpWorkdays.containsKey(date)) {
            return true;
        }
        if (holiday(date).isPresent()) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The holiday {@code date} is a day off of, if any (a plain weekend is not a holiday). */
    public Optional<Holiday> holiday(LocalDate date) {
        requireCovered(date);
        Holiday published = daysOff.get(date);
        if (published != null || isPublished(date.getYear())) {
            return Optional.ofNullable(published);
        }
        return Optional.ofNullable(statutoryDaysOff.computeIfAbsent(date.getYear(), WorkingDayCalendar::index).get(date));
    }

    /** The Chinese name of the holiday {@code date} belongs to, e.g. 春节. */
    public Optional<String> holidayName(LocalDate date) {
        return holiday(date).map(Holiday::name);
    }

    /** The holiday a make-up working day (调休上班) is worked for, if {@code date} is one. */
    public Optional<Holiday> makeUpWorkdayFor(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(makeUpWorkdays.get(date));
    }

    /**
     * The day on which a period of {@code n} working days starting at {@code start} ends.
     *
     * <p>With {@code startDayCounts = false} the count begins the day after {@code start} (the
     * start day is day 0). With {@code true}, {@code start} is the first day if it is itself a
     * working day. The result is always a working day. Whether it is final or provisional is
     * {@link #provisionalYears}{@code (start, result)}.
     *
     * @throws CalendarYearUnknownException if the period reaches a year the calendar cannot cover
     */
    public LocalDate plusWorkingDays(LocalDate start, int n, boolean startDayCounts) {
        if (n < 1) {
            throw new IllegalArgumentException("a period of working days must be at least 1, was " + n);
        }
        requireCovered(start);
        int counted = startDayCounts && isWorkingDay(start) ? 1 : 0;
        LocalDate day = start;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new CalendarYearUnknownException(date, notices.keySet());
        }
    }

    private static Map<LocalDate, Holiday> index(int year) {
        Map<LocalDate, Holiday> days = new HashMap<>();
        for (Holiday h : StatutoryHolidays.of(year)) {
            h.from().datesUntil(h.to().plusDays(1)).forEach(d -> days.put(d, h));
        }
        return days;
    }
}
