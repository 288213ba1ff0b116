package cn.hkmo.notification.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The simulated providers' own settings, in dev and test only: production has none, and the simulators answer nothing
 * there ({@code enabled} is false).
 */
@ConfigMapping(prefix = "hkmo.simulator")
public interface SimulatorConfig {

    /** The run-time switch (docs/adr/0004, 0009): on in the dev and test profiles only. */
    @WithDefault("false")
    boolean enabled();

    Sms sms();

    Alipay alipay();

    interface Sms {
        /** The one AccessKey the simulated account has; every call must be signed with its secret. */
        Optional<String> accessKeyId();

        Optional<String> accessKeySecret();
    }

    interface Alipay {
        /** The mini-program's public key (X.509, base64), to check every gateway call. */
        Optional<String> appPublicKey();

        /** The platform's signing key (PKCS#8, base64); the service holds the matching public key. */
        Optional<String> platformPrivateKey();
    }
}
