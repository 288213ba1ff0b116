package cn.hkmo.kit.calendar;

import cn.hkmo.kit.calendar.NoticeProblem.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One year's State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知): its holidays and the
 * weekend days worked in exchange. The same shape and the same checks whether it comes bundled, from the
 * ops file or through the admin API ({@link #parse}).
 *
 * @param year     the year the notice arranges
 * @param title    the notice's title and date, as cited to callers
 * @param holidays in calendar order
 */
public record HolidayNotice(int year, String title, List<Holiday> holidays) {

    /** The years a notice may be given for. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = StatutoryHolidays.LAST_YEAR;
    /** No notice has given more than 9 days in a row; a longer holiday is a typo (and is not walked day by day). */
    public static final int MAX_HOLIDAY_DAYS = 31;

    private static final ObjectMapper JSON = new ObjectMapper();

    public HolidayNotice {
        Objects.requireNonNull(title, "title");
        holidays = List.copyOf(holidays);
    }

    /**
     * Reads one year entry ({@code {"year", "notice", "holidays": [{"name", "nameEn", "from", "to",
     * "makeUpWorkdays"}]}}) and checks it.
     *
     * @throws InvalidCalendarDataException naming every problem found
     */
    public static HolidayNotice parse(JsonNode node, String origin) {
        List<NoticeProblem> problems = new ArrayList<>();
        int year = node == null ? 0 : node.path("year").asInt(0);
        if (year == 0) {
            throw new InvalidCalendarDataException(origin, List.of(new NoticeProblem("year", Kind.MISSING, "")));
        }
        String title = node.path("notice").asText("").strip();
        if (title.isEmpty()) {
            problems.add(new NoticeProblem("notice", Kind.MISSING, ""));
        }
        List<Holiday> holidays = new ArrayList<>();
        JsonNode list = node.path("holidays");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new NoticeProblem("holidays", Kind.MISSING, ""));
        }
        int i = 0;
        for (JsonNode h : list) {
            String at = "holidays[" + i++ + "]";
            String name = h.path("name").asText("").strip();
            if (name.isEmpty()) {
                problems.add(new NoticeProblem(at + ".name", Kind.MISSING, ""));
            }
            LocalDate from = date(h.get("from"), at + ".from", problems);
            LocalDate to = date(h.get("to"), at + ".to", problems);
            List<LocalDate> makeUp = new ArrayList<>();
            int j = 0;
            for (JsonNode d : h.path("makeUpWorkdays")) {
                LocalDate day = date(d, at + ".makeUpWorkdays[" + j++ + "]", problems);
                if (day != null) {
                    makeUp.add(day);
                }
            }
            if (from != null && to != null) {
                if (to.isBefore(from)) {
                    problems.add(new NoticeProblem(at + ".to", Kind.ENDS_BEFORE_START, from + ".." + to));
                } else if (!name.isEmpty()) {
                    holidays.add(new Holiday(name, h.path("nameEn").asText(name), from, to, makeUp));
                }
            }
        }
        HolidayNotice notice = new HolidayNotice(year, title, holidays);
        problems.addAll(notice.problems());
        if (!problems.isEmpty()) {
            throw new InvalidCalendarDataException(origin + ": notice for " + year, problems);
        }
        return notice;
    }

    /**
     * What is wrong with this notice: a year out of range, a day listed twice (off twice, or off and worked),
     * a make-up workday that is not a Saturday or Sunday, a date more than a year away from the notice's year,
     * or a day the law makes a holiday (Article 2 of 《全国年节及纪念日放假办法》) left as a working day.
     */
    public List<NoticeProblem> problems() {
        List<NoticeProblem> problems = new ArrayList<>();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            problems.add(new NoticeProblem("year", Kind.YEAR_OUT_OF_RANGE, String.valueOf(year)));
            return problems;
        }
        Map<LocalDate, String> claimed = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String at = "holidays[" + i + "]";
            if (h.from().plusDays(MAX_HOLIDAY_DAYS).isBefore(h.to())) {
                problems.add(new NoticeProblem(at + ".to", Kind.TOO_LONG, h.from() + ".." + h.to()));
                continue;
            }
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                claim(claimed, d, at, problems);
            }
            for (LocalDate d : h.makeUpWorkdays()) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    problems.add(new NoticeProblem(at + ".makeUpWorkdays", Kind.MAKE_UP_NOT_WEEKEND, d.toString()));
                }
                claim(claimed, d, at + ".makeUpWorkdays", problems);
            }
        }
        if (StatutoryHolidays.covers(year)) {
            for (LocalDate day : StatutoryHolidays.articleTwoDays(year)) {
                if (holidays.stream().noneMatch(h -> h.covers(day))) {
                    problems.add(new NoticeProblem("holidays", Kind.STATUTORY_DAY_WORKING, day.toString()));
                }
            }
        }
        return problems;
    }

    /** The notice in its JSON shape: what the file holds, what the admin API takes, what events carry. */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode().put("year", year).put("notice", title);
        ArrayNode list = node.putArray("holidays");
        for (Holiday h : holidays) {
            ObjectNode entry = list.addObject().put("name", h.name()).put("nameEn", h.nameEn())
                    .put("from", h.from().toString()).put("to", h.to().toString());
            ArrayNode makeUp = entry.putArray("makeUpWorkdays");
            h.makeUpWorkdays().forEach(d -> makeUp.add(d.toString()));
        }
        return node;
    }

    /** SHA-256 of the canonical JSON: the same notice loaded twice has the same digest. */
    public String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void claim(Map<LocalDate, String> claimed, LocalDate day, String field, List<NoticeProblem> problems) {
        // A notice may reach into the neighbouring year (New Year holidays), never further.
        if (Math.abs(day.getYear() - year) > 1) {
            problems.add(new NoticeProblem(field, Kind.OUTSIDE_YEAR, day.toString()));
        }
        if (claimed.putIfAbsent(day, field) != null) {
            problems.add(new NoticeProblem(field, Kind.LISTED_TWICE, day.toString()));
        }
    }

    private static LocalDate date(JsonNode value, String field, List<NoticeProblem> problems) {
        if (value == null || value.isNull() || value.asText().isBlank()) {
            problems.add(new NoticeProblem(field, Kind.MISSING, ""));
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeException e) {
            // the raw text is echoed only up to a bound: it comes from an admin's request
            String text = value.asText();
            problems.add(new NoticeProblem(field, Kind.NOT_A_DATE, text.length() > 40 ? text.substring(0, 40) + "…" : text));
            return null;
        }
    }
}
