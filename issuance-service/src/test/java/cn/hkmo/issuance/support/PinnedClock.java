package cn.hkmo.issuance.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Tests run on Friday 9 October 2026, 10:00 in Shanghai (time still moves), so deadlines, issue dates and
 * the supervisors' views are exact. Replaces the kit's default clock.
 */
public class PinnedClock {

    public static final OffsetDateTime START = OffsetDateTime.parse("2026-10-09T10:00:00+08:00");

    @Produces
    @Singleton
    Clock clock() {
        Clock system = Clock.system(ZoneId.of("Asia/Shanghai"));
        return Clock.offset(system, Duration.between(Instant.now(), START.toInstant()));
    }
}
