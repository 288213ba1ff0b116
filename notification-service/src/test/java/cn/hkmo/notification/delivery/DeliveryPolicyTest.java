package cn.hkmo.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(LocalTime.of(22, 0), LocalTime.of(8, 0), 3,
            List.of(Duration.ofSeconds(30), Duration.ofMinutes(2)), ZoneId.of("Asia/Shanghai"));

    private static Instant at(String beijing) {
        return OffsetDateTime.parse(beijing + "+08:00").toInstant();
    }

    @Test
    void quietHoursAreTwentyTwoToEightBusinessTime() {
        assertThat(policy.inQuietHours(at("2026-12-01T21:59:59"))).isFalse();
        assertThat(policy.inQuietHours(at("2026-12-01T22:00:00"))).isTrue();
        assertThat(policy.inQuietHours(at("2026-12-02T03:00:00"))).isTrue();
        assertThat(policy.inQuietHours(at("2026-12-02T07:59:59"))).isTrue();
        assertThat(policy.inQuietHours(at("2026-12-02T08:00:00"))).isFalse();
        // 14:30 UTC is 22:30 in Beijing
        assertThat(policy.inQuietHours(Instant.parse("2026-12-01T14:30:00Z"))).isTrue();
    }

    @Test
    void aReminderInQuietHoursIsHeldUntilEight() {
        assertThat(policy.decide(false, at("2026-12-01T23:10:00"), 0))
                .isEqualTo(new DeliveryPolicy.HoldUntil(at("2026-12-02T08:00:00")));
        assertThat(policy.decide(false, at("2026-12-02T06:00:00"), 0))
                .isEqualTo(new DeliveryPolicy.HoldUntil(at("2026-12-02T08:00:00")));
        assertThat(policy.decide(false, at("2026-12-02T08:00:00"), 0)).isEqualTo(new DeliveryPolicy.Send(null));
    }

    @Test
    void aTimeCriticalOfferGoesAnywayWithTheReasonRecorded() {
        assertThat(policy.decide(true, at("2026-12-01T23:10:00"), 0)).isEqualTo(new DeliveryPolicy.Send(DeliveryPolicy.TIME_CRITICAL));
        assertThat(policy.decide(true, at("2026-12-01T12:00:00"), 5)).isEqualTo(new DeliveryPolicy.Send(DeliveryPolicy.TIME_CRITICAL));
        assertThat(policy.decide(true, at("2026-12-01T12:00:00"), 0)).isEqualTo(new DeliveryPolicy.Send(null));
    }

    @Test
    void theDailyCapSkipsTheRest() {
        assertThat(policy.decide(false, at("2026-12-01T12:00:00"), 2)).isEqualTo(new DeliveryPolicy.Send(null));
        assertThat(policy.decide(false, at("2026-12-01T12:00:00"), 3)).isEqualTo(new DeliveryPolicy.Skip(DeliveryPolicy.DAILY_CAP));
        assertThat(policy.startOfDay(at("2026-12-01T00:30:00"))).isEqualTo(at("2026-12-01T00:00:00"));
    }

    @Test
    void retriesBackOffThenStop() {
        Instant now = at("2026-12-01T12:00:00");
        assertThat(policy.retryAt(1, now)).contains(now.plusSeconds(30));
        assertThat(policy.retryAt(2, now)).contains(now.plusSeconds(120));
        assertThat(policy.retryAt(3, now)).isEmpty();
    }
}
