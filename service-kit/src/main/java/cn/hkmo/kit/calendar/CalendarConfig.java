package cn.hkmo.kit.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The working-day calendar of a service that computes with it ({@code hkmo.calendar.enabled=true}, a build
 * property: appointment-service and issuance-service).
 */
@ConfigMapping(prefix = "hkmo.calendar")
public interface CalendarConfig {

    /**
     * Whether the service has the calendar's beans, tables and checks at all: fixed at build time
     * (read by {@code @IfBuildProperty}), with {@code db/kit-calendar} among its Flyway locations.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * An ops-maintained file of notices in the bundled format (a ConfigMap in the cluster). Its years are added
     * to the bundled ones and replace a bundled year of the same number; it is re-read when it changes.
     */
    Optional<Path> file();

    /** How often the file and the notices loaded through the API are looked at again. */
    @WithDefault("30s")
    Duration refreshInterval();

    /** The health check warns from this long before the last day a published notice decides. */
    @WithDefault("P60D")
    Duration warnBefore();
}
