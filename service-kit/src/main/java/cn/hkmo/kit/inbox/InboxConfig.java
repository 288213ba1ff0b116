package cn.hkmo.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hkmo.inbox")
public interface InboxConfig {

    /**
     * How long event ids are remembered. Kafka redelivers only what it has not seen committed, so the window must
     * exceed the longest consumer outage plus the topics' retention of replays.
     */
    @WithDefault("P30D")
    Duration retention();

    /** How often ids past their retention are forgotten. */
    @WithDefault("6h")
    Duration cleanupInterval();

    /** How a consumer retries a record whose effect failed. */
    DeliveryRetryConfig retry();

    interface DeliveryRetryConfig {

        /**
         * Attempts for a failure that is not an outage (a conflict with a concurrent writer, or a bug). When they
         * are used up the record goes to the channel's dead-letter topic.
         */
        @WithDefault("3")
        int attempts();

        /** Wait after a failed attempt; also the first wait of an outage, doubled on each further attempt. */
        @WithDefault("200ms")
        Duration delay();

        /**
         * Longest wait between two attempts while the database is unreachable. An outage is retried until it ends,
         * never sent to the dead-letter topic: the record's effect is still due once the database is back.
         */
        @WithDefault("5s")
        Duration outageMaxDelay();
    }
}
