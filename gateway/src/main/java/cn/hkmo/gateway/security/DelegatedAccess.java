package cn.hkmo.gateway.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.problem.GatewayError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.uritemplate.UriTemplate;
import io.vertx.core.MultiMap;

/**
 * A partner platform acting for a citizen (授权登录: authorization code flow, the citizen consented) must lose
 * access the moment the citizen withdraws the consent. Its access token is a JWT that stays valid until it
 * expires, so for such tokens the edge also asks Keycloak (token introspection) whether the grant is still
 * active, and remembers a positive answer for a short while ({@code hkmo.gateway.delegation.recheck-after}).
 * Citizens' own tokens and partners' client-credentials tokens are not affected.
 */
@ApplicationScoped
public class DelegatedAccess {

    private static final Logger LOG = Logger.getLogger(DelegatedAccess.class);

    private final GatewayConfig.Delegation config;
    private final String introspectionUrl;
    private final Cache<String, Boolean> stillActive;
    private final Vertx vertx;
    private volatile WebClient client;

    DelegatedAccess(GatewayConfig gateway, Vertx vertx,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.config = gateway.delegation();
        this.vertx = vertx;
        this.introspectionUrl = realmUrl + "/protocol/openid-connect/token/introspect";
        this.stillActive = Caffeine.newBuilder().expireAfterWrite(config.recheckAfter()).maximumSize(100_000).build();
    }

    /** Passes {@code caller} on, or fails with {@code DELEGATION_REVOKED} when its partner grant is no longer active. */
    public Future<Caller> verify(Caller caller) {
        if (!isDelegated(caller)) {
            return Future.succeededFuture(caller);
        }
        JsonWebToken token = caller.token().orElseThrow();
        String key = Optional.ofNullable(token.getTokenID()).orElse(token.getRawToken());
        if (stillActive.getIfPresent(key) != null) {
            return Future.succeededFuture(caller);
        }
        return introspect(token.getRawToken()).compose(active -> {
            if (!active) {
                return Future.failedFuture(new EdgeRejection(GatewayError.DELEGATION_REVOKED));
            }
            stillActive.put(key, Boolean.TRUE);
            return Future.succeededFuture(caller);
        });
    }

    private boolean isDelegated(Caller caller) {
        return caller.citizen().isPresent()
                && caller.clientId().filter(config.partnerClients()::contains).isPresent();
    }

    private Future<Boolean> introspect(String rawToken) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("token", rawToken);
        return client().postAbs(UriTemplate.of(introspectionUrl))
                .basicAuthentication(config.introspectionClientId(), config.introspectionClientSecret())
                .timeout(config.timeout().toMillis())
                .sendForm(form)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        // Fail closed: a grant we cannot confirm is not acted upon.
                        LOG.warnf("Token introspection answered %d; delegated request refused", response.statusCode());
                        return false;
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    return body != null && body.getBoolean("active", false);
                })
                .otherwise(failure -> {
                    LOG.warnf("Token introspection failed (%s); delegated request refused", failure.toString());
                    return false;
                });
    }

    private WebClient client() {
        WebClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(
                            (int) Duration.ofSeconds(2).toMillis()));
                }
                c = client;
            }
        }
        return c;
    }
}
