package cn.hkmo.fee.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The simulated payment platform's own settings. Set in dev and test only: production has none of them, and
 * the simulator answers nothing there ({@code hkmo.simulator.enabled} is false).
 */
@ConfigMapping(prefix = "hkmo.simulator.alipay")
public interface SimulatorConfig {

    /** The platform's signing key (PKCS#8, base64); the service holds the matching public key. */
    Optional<String> platformPrivateKey();

    /** The merchant app's public key (X.509, base64), to check the signature of every gateway call. */
    Optional<String> appPublicKey();

    /** The one merchant app the simulator serves. */
    Optional<String> appId();

    /** The merchant's partner id, sent as {@code seller_id} in notifies. */
    Optional<String> sellerId();

    /**
     * Waits between notify attempts after the first, until the merchant answers {@code success};
     * the real platform uses 4m, 10m, 10m, 1h, 2h, 6h, 15h.
     */
    @WithDefault("PT4M,PT10M,PT10M,PT1H,PT2H,PT6H,PT15H")
    List<Duration> notifyRetryDelays();

    @WithDefault("PT5S")
    Duration notifyTimeout();
}
