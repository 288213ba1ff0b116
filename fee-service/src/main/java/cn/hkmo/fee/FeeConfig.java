package cn.hkmo.fee;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hkmo.fee")
public interface FeeConfig {

    /** An unpaid order closes this long after it was opened (online applications: withdrawn after 7 days unpaid). */
    @WithDefault("P7D")
    Duration orderTtl();

    Reconciliation reconciliation();

    interface Reconciliation {

        /** How often the job runs ({@code @Scheduled} reads it); {@code off} in tests, which run it on demand. */
        String every();

        /** A trade is queried once its notify is this late. */
        @WithDefault("PT5M")
        Duration notifyGrace();

        /** Orders looked at per run and replica. */
        @WithDefault("100")
        int batchSize();
    }
}
