package cn.hkmo.kit.identity;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the services re-check a partner's grant to act for a citizen (docs/partners.md, section 4), under
 * {@code hkmo.identity.delegation}.
 */
public interface DelegationConfig {

    /** How long Keycloak's "still active" is trusted before it is asked again: the revocation delay at most. */
    @WithDefault("10s")
    Duration recheckAfter();

    /** The suite's resource client, which Keycloak lets introspect the tokens minted for it. */
    @WithDefault("hkmo-api")
    String introspectionClientId();

    String introspectionClientSecret();

    @WithDefault("3s")
    Duration timeout();
}
