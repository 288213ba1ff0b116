package cn.hkmo.issuance.casefile;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionPeriodTest {

    private static final CollectionPeriod NINETY_DAYS_REMINDED_SEVEN_BEFORE =
            new CollectionPeriod(Duration.ofDays(90), Duration.ofDays(7));
    private static final OffsetDateTime READY = OffsetDateTime.parse("2026-03-04T09:30:00+08:00");

    private static Clock at(String instant) {
        return Clock.fixed(OffsetDateTime.parse(instant).toInstant(), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theReminderIsDueSevenDaysBeforeTheEndOfTheNinetyDaysAndNotASecondEarlier() {
        assertThat(NINETY_DAYS_REMINDED_SEVEN_BEFORE.reminderDue(READY, at("2026-05-26T09:29:59+08:00").instant())).isFalse();
        assertThat(NINETY_DAYS_REMINDED_SEVEN_BEFORE.reminderDue(READY, at("2026-05-26T09:30:00+08:00").instant())).isTrue();
        assertThat(NINETY_DAYS_REMINDED_SEVEN_BEFORE.reminderDue(READY, at("2026-06-20T12:00:00+08:00").instant())).isTrue();
        assertThat(NINETY_DAYS_REMINDED_SEVEN_BEFORE.collectBy(READY)).isEqualTo(LocalDate.of(2026, 6, 2));
    }

    @Test
    void theLastDayIsABusinessDate() {
        // ready at 04:00 Beijing time, still the day before in UTC
        OffsetDateTime readyEarly = OffsetDateTime.parse("2026-03-04T20:00:00Z");
        assertThat(NINETY_DAYS_REMINDED_SEVEN_BEFORE.collectBy(readyEarly)).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @Test
    void aLeadAsLongAsThePeriodRemindsAtOnce() {
        CollectionPeriod sevenDays = new CollectionPeriod(Duration.ofDays(7), Duration.ofDays(7));
        assertThat(sevenDays.reminderDue(READY, at("2026-03-04T09:30:00+08:00").instant())).isTrue();
        assertThat(sevenDays.reminderDue(READY, at("2026-03-04T09:29:59+08:00").instant())).isFalse();
        assertThat(sevenDays.collectBy(READY)).isEqualTo(LocalDate.of(2026, 3, 11));
    }
}
