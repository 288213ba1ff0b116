package cn.hkmo.kit.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Whether a partner's grant to act for a citizen is still active. Its access token is a JWT that stays valid until it
 * expires (5 minutes) even after the citizen withdrew the consent, so the grant is asked of Keycloak (token
 * introspection) and a positive answer remembered for {@code recheckAfter}: at most one Keycloak call per token per
 * interval, and a withdrawal stops the partner within it. Negative answers are not remembered (they end the token's
 * use anyway), nor failures (the caller refuses, see {@link #isActive}).
 */
public class DelegatedGrants {

    private final Function<String, CompletionStage<Boolean>> introspection;
    private final Cache<String, Boolean> confirmed;

    /**
     * @param introspection Keycloak's answer for a raw token: active or not; a failed stage counts as not active
     */
    public DelegatedGrants(Duration recheckAfter, Function<String, CompletionStage<Boolean>> introspection, Ticker ticker) {
        this.introspection = introspection;
        this.confirmed = Caffeine.newBuilder().expireAfterWrite(recheckAfter).maximumSize(100_000).ticker(ticker).build();
    }

    /**
     * @param tokenId  the token's {@code jti} (or the raw token if it has none): what a positive answer is kept under
     * @param rawToken what Keycloak is asked about
     * @return false when Keycloak says the grant is gone, or cannot be asked: a grant nobody can confirm is not acted
     *         upon (fail closed)
     */
    public CompletionStage<Boolean> isActive(String tokenId, String rawToken) {
        if (confirmed.getIfPresent(tokenId) != null) {
            return CompletableFuture.completedFuture(true);
        }
        return introspection.apply(rawToken)
                .exceptionally(failure -> false)
                .thenApply(active -> {
                    if (Boolean.TRUE.equals(active)) {
                        confirmed.put(tokenId, Boolean.TRUE);
                        return true;
                    }
                    return false;
                });
    }
}
