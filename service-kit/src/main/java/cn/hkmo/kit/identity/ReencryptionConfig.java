package cn.hkmo.kit.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How {@link Reencryption} re-seals personal data after the current key changed. */
@ConfigMapping(prefix = "hkmo.personal-data.reencryption")
public interface ReencryptionConfig {

    /** Rows re-sealed per transaction: small, so a business write waits for one batch at most. */
    @WithDefault("100")
    int batchSize();

    /**
     * How often a pass runs while old keys are configured: each pass re-seals what it finds, then counts what is left
     * (a pod of the previous configuration may still write under the old key during a rollout).
     */
    @WithDefault("5m")
    Duration every();

    /** The first pass, this long after start-up (the pod is ready and serving first). */
    @WithDefault("30s")
    Duration startDelay();
}
