package cn.hkmo.kit.config;

import io.quarkus.arc.DefaultBean;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The suite's clock, in the business zone; a test or service replaces it by producing its own {@link Clock}.
 * {@code hkmo.clock.offset} moves it (it still ticks): the launcher gives every application the same offset to run
 * the suite on another date, e.g. in a year without a holiday notice. Never set in production.
 */
@Singleton
public class ClockProducer {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(ClockConfig config) {
        // Ticks in microseconds, as PostgreSQL keeps them: a time answered before it is stored reads the same after.
        Clock system = Clock.tick(Clock.system(BUSINESS_ZONE), Duration.ofNanos(1_000));
        return config.offset().isZero() ? system : Clock.offset(system, config.offset());
    }

    @ConfigMapping(prefix = "hkmo.clock")
    public interface ClockConfig {

        /** How far the clock is moved from the system's. */
        @WithDefault("PT0S")
        Duration offset();
    }
}
