package cn.hkmo.kit.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mainland working-day calendar: Monday to Friday, minus the public holidays of the State
 * Council notices, plus the weekend days worked in exchange (调休上班). Plain Java, immutable,
 * safe to share.
 *
 * <p>The holidays are data ({@value #RESOURCE}), one entry per year's notice, because they are
 * decided anew every year. A date in a year without data throws {@link CalendarYearUnknownException}:
 * a statutory deadline computed on a guessed calendar would be wrong without anyone noticing.
 */
public final class WorkingDayCalendar {

    /** Classpath location of the bundled data. */
    public static final String RESOURCE = "calendar/cn-working-days.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Year → the holidays of that year's notice; the source of truth for {@link #extendedBy}. */
    private final TreeMap<Integer, List<Holiday>> years;
    private final Map<LocalDate, Holiday> daysOff = new HashMap<>();
    private final Map<LocalDate, Holiday> makeUpWorkdays = new HashMap<>();

    private WorkingDayCalendar(Map<Integer, List<Holiday>> years) {
        this.years = new TreeMap<>(years);
        this.years.forEach((year, holidays) -> holidays.forEach(holiday -> index(year, holiday)));
    }

    /** The calendar shipped in the kit's jar. */
    public static WorkingDayCalendar bundled() {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(WorkingDayCalendar.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidCalendarDataException("classpath resource " + RESOURCE + " is missing");
            }
            return read(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
        }
    }

    /** A calendar from a data file in the bundled format (ops keep one next to the deployment). */
    public static WorkingDayCalendar fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar file " + file, e);
        }
    }

    /**
     * Reads calendar data and checks it: dates parse, a day is never both off and worked, make-up
     * days fall on a weekend, each year appears once.
     *
     * @param origin names the data in error messages
     */
    public static WorkingDayCalendar read(InputStream in, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new InvalidCalendarDataException(origin + ": not JSON: " + e.getMessage(), e);
        }
        JsonNode yearNodes = root == null ? null : root.get("years");
        if (yearNodes == null || !yearNodes.isArray()) {
            throw new InvalidCalendarDataException(origin + ": no \"years\" array");
        }
        Map<Integer, List<Holiday>> years = new TreeMap<>();
        for (JsonNode yearNode : yearNodes) {
            int year = yearNode.path("year").asInt(0);
            if (year == 0) {
                throw new InvalidCalendarDataException(origin + ": a year entry has no \"year\"");
            }
            List<Holiday> holidays = new ArrayList<>();
            for (JsonNode h : yearNode.path("holidays")) {
                String name = text(h, "name", origin, year);
                List<LocalDate> makeUp = new ArrayList<>();
                for (JsonNode d : h.path("makeUpWorkdays")) {
                    makeUp.add(date(d.asText(), origin, year));
                }
                holidays.add(new Holiday(name, h.path("nameEn").asText(name), date(text(h, "from", origin, year), origin, year),
                        date(text(h, "to", origin, year), origin, year), makeUp));
            }
            if (years.put(year, List.copyOf(holidays)) != null) {
                throw new InvalidCalendarDataException(origin + ": year " + year + " appears twice");
            }
        }
        return new WorkingDayCalendar(years);
    }

    /**
     * This calendar with the years of {@code newer} added; a year present in both is taken from
     * {@code newer} (a corrected notice replaces the old one).
     */
    public WorkingDayCalendar extendedBy(WorkingDayCalendar newer) {
        Map<Integer, List<Holiday>> merged = new TreeMap<>(years);
        merged.putAll(newer.years);
        return new WorkingDayCalendar(merged);
    }

    /** The years whose holiday notice is in the data. */
    public SortedSet<Integer> knownYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    public boolean isKnown(LocalDate date) {
        return years.containsKey(date.getYear());
    }

    /** The holidays of one year's notice, in calendar order. */
    public List<Holiday> holidays(int year) {
        List<Holiday> holidays = years.get(year);
        if (holidays == null) {
            throw new CalendarYearUnknownException(LocalDate.of(year, 1, 1), years.keySet());
        }
        return holidays;
    }

    /** Whether offices work on {@code date}: a weekday that is not a holiday, or a make-up weekend day. */
    public boolean isWorkingDay(LocalDate date) {
        requireKnown(date);
        if (makeUpWorkdays.containsKey(date)) {
            return true;
        }
        if (daysOff.containsKey(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The holiday {@code date} is a day off of, if any (a plain weekend is not a holiday). */
    public Optional<Holiday> holiday(LocalDate date) {
        requireKnown(date);
        return Optional.ofNullable(daysOff.get(date));
    }

    /** The Chinese name of the holiday {@code date} belongs to, e.g. 春节. */
    public Optional<String> holidayName(LocalDate date) {
        return holiday(date).map(Holiday::name);
    }

    /** The holiday a make-up working day (调休上班) is worked for, if {@code date} is one. */
    public Optional<Holiday> makeUpWorkdayFor(LocalDate date) {
        requireKnown(date);
        return Optional.ofNullable(makeUpWorkdays.get(date));
    }

    /**
     * The day on which a period of {@code n} working days starting at {@code start} ends.
     *
     * <p>With {@code startDayCounts = false} the count begins the day after {@code start} (the
     * start day is day 0). With {@code true}, {@code start} is the first day if it is itself a
     * working day. The result is always a working day.
     *
     * @throws CalendarYearUnknownException if the period reaches a year without data
     */
    public LocalDate plusWorkingDays(LocalDate start, int n, boolean startDayCounts) {
        if (n < 1) {
            throw new IllegalArgumentException("a period of working days must be at least 1, was " + n);
        }
        requireKnown(start);
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

    private void requireKnown(LocalDate date) {
        if (!isKnown(date)) {
            throw new CalendarYearUnknownException(date, years.keySet());
        }
    }

    private void index(int year, Holiday holiday) {
        for (LocalDate d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) {
            claim(daysOff, d, holiday, year);
        }
        for (LocalDate d : holiday.makeUpWorkdays()) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidCalendarDataException(year + " " + holiday.name() + ": make-up workday " + d
                        + " is a " + d.getDayOfWeek() + ", not a weekend day");
            }
            claim(makeUpWorkdays, d, holiday, year);
        }
    }

    private void claim(Map<LocalDate, Holiday> target, LocalDate day, Holiday holiday, int year) {
        // A notice may reach into the neighbouring year (New Year holidays), never further.
        if (Math.abs(day.getYear() - year) > 1) {
            throw new InvalidCalendarDataException(year + " " + holiday.name() + ": date " + day + " is outside the notice's year");
        }
        if (daysOff.containsKey(day) || makeUpWorkdays.containsKey(day)) {
            throw new InvalidCalendarDataException(year + " " + holiday.name() + ": " + day + " is listed twice");
        }
        target.put(day, holiday);
    }

    private static String text(JsonNode node, String field, String origin, int year) {
        JsonNode value = node.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new InvalidCalendarDataException(origin + ": a holiday of " + year + " has no \"" + field + "\"");
        }
        return value.asText();
    }

    private static LocalDate date(String text, String origin, int year) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidCalendarDataException(origin + ": " + year + ": not an ISO date: " + text, e);
        }
    }
}
