package cn.hkmo.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hkmo.outbox")
public interface OutboxConfig {

    /** Rows read per relay pass. */
    @WithDefault("200")
    int batchSize();

    /** Longest wait for the broker's acknowledgement of one pass before it is retried later. */
    @WithDefault("30s")
    Duration ackTimeout();

    /** How often the relay looks for rows no commit woke it for (crash recovery, broker outages). */
    @WithDefault("5s")
    Duration sweepInterval();

    /** How often published rows past their retention are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();

    /** Published rows are kept this long (for audit and replay), then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
