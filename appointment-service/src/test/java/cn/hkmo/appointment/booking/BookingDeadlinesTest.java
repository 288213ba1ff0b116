package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.hall.TimeWindow;
import cn.hkmo.appointment.slot.Slot;
import cn.hkmo.kit.config.ClockProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class BookingDeadlinesTest {

    private final BookingDeadlines deadlines = new BookingDeadlines(Duration.ofMinutes(30), Duration.ofMinutes(15),
            ClockProducer.BUSINESS_ZONE);
    private final Slot slot = new Slot("BJ-CHAOYANG", LocalDate.of(2026, 9, 15),
            new TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 30)));

    @Test
    void changesCloseAtTheHallsCutOff() {
        assertThat(deadlines.canChange(slot, Duration.ofHours(24), at(14, 8, 59))).isTrue();
        assertThat(deadlines.canChange(slot, Duration.ofHours(24), at(14, 9, 0))).isFalse();
    }

    @Test
    void checkInOpensEarlyAndClosesLate() {
        assertThat(deadlines.canCheckIn(slot, at(15, 8, 29))).isFalse();
        assertThat(deadlines.canCheckIn(slot, at(15, 8, 30))).isTrue();
        assertThat(deadlines.canCheckIn(slot, at(15, 9, 45))).isTrue();
        assertThat(deadlines.canCheckIn(slot, at(15, 9, 46))).isFalse();
    }

    private static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 9, day, hour, minute, 0, 0, ClockProducer.BUSINESS_ZONE).toInstant();
    }
}
