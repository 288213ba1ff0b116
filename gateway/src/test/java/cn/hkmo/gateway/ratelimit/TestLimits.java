package cn.hkmo.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.config.GatewayConfig.Limit;
import cn.hkmo.gateway.config.GatewayConfig.Store;

/** Rate-limit configuration for tests that build limiters without Quarkus. */
record TestLimits(Store store, Limit citizen, Limit subject, Limit client, Limit anonymous, Limit refusedCallbacks,
        Map<String, Limit> clients) implements GatewayConfig.RateLimits {

    record TestLimit(long capacity, Duration period) implements Limit {
    }

    static Limit perMinute(long capacity) {
        return new TestLimit(capacity, Duration.ofMinutes(1));
    }

    /** Every bucket with the same limit, no per-client override. */
    static TestLimits all(Store store, Limit limit) {
        return new TestLimits(store, limit, limit, limit, limit, limit, Map.of());
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public long localMaxKeys() {
        return 1000;
    }
}
