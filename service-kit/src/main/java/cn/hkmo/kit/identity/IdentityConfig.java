package cn.hkmo.kit.identity;

import io.smallrye.config.ConfigMapping;

import java.util.Set;

/**
 * Who may act for a citizen, and how that is re-checked. {@link Caller}, made for every request, reads the partner
 * clients through {@link PartnerClients}, which holds them once.
 */
@ConfigMapping(prefix = "hkmo.identity")
public interface IdentityConfig {

    /** Partner platforms' clients that may act for a citizen with the citizen's consent (docs/partners.md). */
    Set<String> partnerClients();

    DelegationConfig delegation();
}
