package cn.hkmo.kit.identity;

import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Defence in depth behind the gateway's own check: a partner acting for a citizen ({@link Caller#actingForCitizen()})
 * is refused with 401 {@code DELEGATION_REVOKED}, as at the gateway, once the citizen has withdrawn the consent, even
 * when the request reaches the service some other way.
 */
@ApplicationScoped
public class DelegationFilter {

    private final Caller caller;
    private final JsonWebToken token;
    private final DelegatedGrants grants;

    DelegationFilter(Caller caller, JsonWebToken token, IdentityConfig config, ObjectMapper json,
                     @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.caller = caller;
        this.token = token;
        KeycloakIntrospection keycloak = new KeycloakIntrospection(realmUrl, config.delegation(), json);
        this.grants = new DelegatedGrants(config.delegation().recheckAfter(), keycloak::active, Ticker.systemTicker());
    }

    @ServerRequestFilter
    public Uni<Void> stillConsented() {
        if (!caller.actingForCitizen()) {
            return Uni.createFrom().voidItem();
        }
        String raw = token.getRawToken();
        String tokenId = Optional.ofNullable(token.getTokenID()).orElse(raw);
        return Uni.createFrom().completionStage(grants.isActive(tokenId, raw)).map(active -> {
            if (!active) {
                throw new ProblemException(KitError.DELEGATION_REVOKED);
            }
            return null;
        });
    }
}
