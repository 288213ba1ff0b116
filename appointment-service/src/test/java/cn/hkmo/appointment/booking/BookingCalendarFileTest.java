package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.hall.Halls;
import cn.hkmo.appointment.hall.TimeWindow;
import cn.hkmo.appointment.slot.Slot;
import cn.hkmo.kit.config.ClockProducer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class BookingCalendarFileTest {

    private final String ics = BookingCalendarFile.render("YY260914ABCDEFGH5", Halls.chaoyang(),
            new Slot("BJ-CHAOYANG", LocalDate.of(2026, 9, 15), new TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 30))),
            ClockProducer.BUSINESS_ZONE, Instant.parse("2026-09-14T02:00:00Z"));

    @Test
    void theEventIsInUtcWithAReminder() {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("UID:YY260914ABCDEFGH5@appointment.hkmo.cn\r\n")
                .contains("DTSTART:20260915T010000Z\r\n", "DTEND:20260915T013000Z\r\n", "TRIGGER:-P1D");
    }

    @Test
    void longLinesAreFoldedAt75Octets() {
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).contains("\r\n ");
    }

    @Test
    void textIsEscaped() {
        assertThat(BookingCalendarFile.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }
}
