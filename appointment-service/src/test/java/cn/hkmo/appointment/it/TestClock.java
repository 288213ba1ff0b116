package cn.hkmo.appointment.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The service's clock in tests: pinned to a known working Monday, moved forward by the tests that need time to pass. */
@Singleton
@Alternative
@Priority(1)
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-09-14 10:00 in Beijing: 2026-09-20 is a make-up workday, 2026-10-01..07 National Day. */
    public static final Instant START = ZonedDateTime.of(2026, 9, 14, 10, 0, 0, 0, ZONE).toInstant();

    private volatile Instant now = START;

    public void reset() {
        now = START;
    }

    public void set(ZonedDateTime time) {
        now = time.toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
