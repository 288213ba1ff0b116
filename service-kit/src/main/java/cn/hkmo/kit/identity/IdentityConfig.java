package cn.hkmo.kit.identity;

import io.smallrye.config.ConfigMapping;

import java.util.Set;

/**
 * Who may act for a citizen, and how that is re-checked. Read once: {@link Caller} is made for every request, and a
 * {@code @ConfigProperty} there looked the setting up again each time (1.6% of a booking's CPU in the bench's rush).
 */
@ConfigMapping(prefix = "hkmo.identity")
public interface IdentityConfig {

    /** Partner platforms' clients that may act for a citizen with the citizen's consent (docs/partners.md). */
    Set<String> partnerClients();

    DelegationConfig delegation();
}
