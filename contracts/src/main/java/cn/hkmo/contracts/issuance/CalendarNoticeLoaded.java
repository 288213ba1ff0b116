package cn.hkmo.contracts.issuance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An admin loaded a year's State Council holiday notice (国务院办公厅节假日安排通知) into the working-day calendar.
 * Every service that computes with the calendar stores it and uses it from then on. Key = the year. Producer:
 * issuance-service.
 *
 * @param sha256 digest of the notice's canonical JSON: the same notice loaded twice has the same digest
 */
public record CalendarNoticeLoaded(
        int year,
        String title,
        List<NoticeHoliday> holidays,
        String sha256,
        String loadedBy,
        OffsetDateTime loadedAt) {
    public static final String TYPE = "calendar.notice-loaded.v1";

    public CalendarNoticeLoaded {
        holidays = List.copyOf(holidays);
    }

    /** One holiday of the notice: days off (both ends included) and the weekend days worked instead (调休上班). */
    public record NoticeHoliday(String name, String nameEn, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkdays) {

        public NoticeHoliday {
            makeUpWorkdays = List.copyOf(makeUpWorkdays);
        }
    }
}
