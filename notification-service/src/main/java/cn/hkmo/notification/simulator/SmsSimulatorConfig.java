package cn.hkmo.notification.simulator;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The simulated SMS provider's own settings, in dev and test only: production has none, and the simulator answers
 * nothing there ({@code hkmo.simulator.enabled} is false).
 */
@ConfigMapping(prefix = "hkmo.simulator.sms")
public interface SmsSimulatorConfig {

    /** The one AccessKey the simulated account has; every call must be signed with its secret. */
    Optional<String> accessKeyId();

    Optional<String> accessKeySecret();
}
