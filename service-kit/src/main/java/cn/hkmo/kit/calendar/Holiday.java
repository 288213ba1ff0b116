package cn.hkmo.kit.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One public holiday: its days off (both ends included) and the weekend days worked in exchange (调休上班).
 *
 * @param name           Chinese name as in the notice, e.g. 春节
 * @param nameEn         English name
 * @param from           first day off
 * @param to             last day off
 * @param makeUpWorkdays Saturdays or Sundays that are working days because of this holiday
 */
public record Holiday(String name, String nameEn, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkdays) {

    public Holiday {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        nameEn = nameEn == null ? name : nameEn;
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("holiday " + name + " ends before it starts: " + from + ".." + to);
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
