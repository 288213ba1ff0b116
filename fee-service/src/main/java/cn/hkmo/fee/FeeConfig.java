package cn.hkmo.fee;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "hkmo.fee")
public interface FeeConfig {

    /** An unpaid order closes this long after it was opened (online applications: withdrawn after 7 days unpaid). */
    @WithDefault("P7D")
    Duration orderTtl();

    /**
     * Origins ({@code scheme://host[:port]}) of the H5 pages that the payment platform's mobile-web cashier may send the
     * citizen back to; any other return URL is refused, so the cashier cannot be made to redirect elsewhere.
     */
    List<String> cashierReturnOrigins();

    Reconciliation reconciliation();

    RefundReconciliation refundReconciliation();

    AlipayNotify alipayNotify();

    /** The payment platform's callback, which anyone can post to without a token. */
    interface AlipayNotify {

        /**
         * Largest request body accepted; larger ones get 413 before anything is read or stored. A genuine trade
         * notify is one to three kilobytes.
         */
        @WithDefault("16K")
        MemorySize maxBodySize();
    }

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

    interface RefundReconciliation {

        /** How often the job runs ({@code @Scheduled} reads it); {@code off} in tests, which run it on demand. */
        String every();

        /**
         * A refund still {@code REQUESTED} this long after the platform was last asked is asked again; long
         * enough that a request still waiting for its answer is not raced.
         */
        @WithDefault("PT2M")
        Duration minAge();

        /** Refunds looked at per run and replica. */
        @WithDefault("100")
        int batchSize();
    }
}
