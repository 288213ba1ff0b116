package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.slot.Slot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) file for a booking, with a reminder the day before. Times are in UTC, so
 * every calendar app shows the right local time without a VTIMEZONE block.
 */
public final class BookingCalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BookingCalendarFile() {
    }

    public static String render(String bookingNo, Hall hall, Slot slot, ZoneId zone, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//hkmo.cn//appointment-service//ZH");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + bookingNo + "@appointment.hkmo.cn");
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(slot.startsAt(zone)));
        line(ics, "DTEND:" + UTC.format(slot.endsAt(zone)));
        line(ics, "SUMMARY:" + text("往来港澳通行证办证预约 " + bookingNo));
        line(ics, "LOCATION:" + text(hall.name() + "，" + hall.address()));
        line(ics, "GEO:" + hall.location().latitude() + ";" + hall.location().longitude());
        line(ics, "DESCRIPTION:" + text("预约号 " + bookingNo + "。请携带居民身份证按预约时段到达并签到。电话 " + hall.phone()));
        line(ics, "BEGIN:VALARM");
        line(ics, "ACTION:DISPLAY");
        line(ics, "DESCRIPTION:" + text("明天办证预约 " + bookingNo));
        line(ics, "TRIGGER:-P1D");
        line(ics, "END:VALARM");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** Escapes TEXT values (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Folds lines longer than 75 octets without splitting a UTF-8 character (RFC 5545 §3.1), ends with CRLF. */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
