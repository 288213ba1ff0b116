package cn.hkmo.gateway.security;

import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import cn.hkmo.gateway.problem.GatewayError;
import cn.hkmo.gateway.security.AccessPolicy.Access;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Validates the bearer token with quarkus-oidc (issuer, audience, expiry, signature, as configured under
 * {@code quarkus.oidc}) and lets the gateway, not Quarkus, answer failures, so they are problem+json.
 * Requires {@code quarkus.http.auth.proactive=false}: authentication then runs when this class asks for it.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private static final Logger LOG = Logger.getLogger(EdgeAuthenticator.class);
    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_BY_GATEWAY = (rc, failure) -> {
    };

    public Future<Caller> authenticate(RoutingContext rc, Access access) {
        if (access == Access.SERVICE_AUTHENTICATED) {
            return Future.succeededFuture(Caller.ANONYMOUS);
        }
        if (!hasBearerToken(rc)) {
            return access == Access.TOKEN_REQUIRED
                    ? Future.failedFuture(new EdgeRejection(GatewayError.UNAUTHENTICATED, rc.normalizedPath()))
                    : Future.succeededFuture(Caller.ANONYMOUS);
        }
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_BY_GATEWAY);
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(rc, null);
        if (identity == null) {
            return Future.failedFuture(new EdgeRejection(GatewayError.INVALID_TOKEN));
        }
        Context context = Vertx.currentContext();
        Promise<Caller> promise = Promise.promise();
        identity.subscribe().with(
                found -> context.runOnContext(v -> promise.handle(toCaller(found))),
                failure -> context.runOnContext(v -> {
                    LOG.debugf("Token rejected: %s", failure.getCause() != null ? failure.getCause() : failure);
                    promise.fail(new EdgeRejection(GatewayError.INVALID_TOKEN));
                }));
        return promise.future();
    }

    private static Future<Caller> toCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Future.failedFuture(new EdgeRejection(GatewayError.INVALID_TOKEN));
        }
        return Future.succeededFuture(new Caller(Optional.of(jwt), identity.getRoles()));
    }

    private static boolean hasBearerToken(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
