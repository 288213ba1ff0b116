package cn.hkmo.gateway.routing;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.logging.RequestIds;
import cn.hkmo.gateway.problem.GatewayError;
import cn.hkmo.gateway.problem.Problems;
import cn.hkmo.gateway.ratelimit.RateLimitFields;
import cn.hkmo.gateway.ratelimit.RateLimitKeys;
import cn.hkmo.gateway.ratelimit.RateLimiter;
import cn.hkmo.gateway.ratelimit.Verdict;
import cn.hkmo.gateway.routing.RouteTable.Route;
import cn.hkmo.gateway.security.AccessPolicy;
import cn.hkmo.gateway.security.AccessPolicy.Access;
import cn.hkmo.gateway.security.Caller;
import cn.hkmo.gateway.security.DelegatedAccess;
import cn.hkmo.gateway.security.EdgeAuthenticator;
import cn.hkmo.gateway.security.EdgeRejection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * The public API: every {@code /api/*} request passes the edge checks in order (route, size, token, rate limit,
 * partner grant, role) and is then streamed to the owning service with the vertx-http-proxy.
 */
@ApplicationScoped
public class GatewayRouter {

    private final RouteTable routes;
    private final AccessPolicy access;
    private final EdgeAuthenticator authenticator;
    private final DelegatedAccess delegatedAccess;
    private final RateLimiter rateLimiter;
    private final RateLimitKeys keys;
    private final GatewayConfig config;
    private UpstreamClients clients;

    GatewayRouter(RouteTable routes, AccessPolicy access, EdgeAuthenticator authenticator,
            DelegatedAccess delegatedAccess, RateLimiter rateLimiter, GatewayConfig config) {
        this.delegatedAccess = delegatedAccess;
        this.routes = routes;
        this.access = access;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.keys = new RateLimitKeys(config.rateLimit());
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx) {
        clients = new UpstreamClients(vertx, new HttpClientOptions().setMaxPoolSize(50).setKeepAliveTimeout(30));
        router.route("/api/*").handler(this::handle);
    }

    void handle(RoutingContext rc) {
        RequestIds.assign(rc);
        String path = rc.normalizedPath();
        Optional<Route> route = routes.resolve(path);
        if (route.isEmpty()) {
            refuse(rc, GatewayError.ROUTE_NOT_FOUND, path);
            return;
        }
        Access required = access.of(rc.request().method(), path);
        if (required == Access.SERVICE_AUTHENTICATED) {
            // A signed callback authenticates by its signature: a bearer token on it is neither checked here nor passed
            // on, so the service cannot refuse a platform's callback for a token it never needed (BadInputIT met a 401).
            rc.request().headers().remove(HttpHeaders.AUTHORIZATION);
        }
        long maxBody = required == Access.SERVICE_AUTHENTICATED
                ? Math.min(config.maxUnauthenticatedBodySize().asLongValue(), config.maxBodySize().asLongValue())
                : config.maxBodySize().asLongValue();
        if (declaredLength(rc) > maxBody) {
            Problems.sendAndClose(rc, GatewayError.PAYLOAD_TOO_LARGE, Long.toString(maxBody));
            return;
        }
        authenticator.authenticate(rc, required)
                .transform(identified -> limit(rc, required, identified))
                .compose(delegatedAccess::verify)
                .compose(caller -> authorize(caller, path))
                .compose(caller -> afterwards(rc, required))
                .onSuccess(afterwards -> forward(rc, route.get(), maxBody, afterwards))
                .onFailure(failure -> reject(rc, failure));
    }

    private Future<Caller> authorize(Caller caller, String path) {
        Optional<List<String>> roles = access.requiredRoles(path);
        if (roles.isPresent() && roles.get().stream().noneMatch(caller.roles()::contains)) {
            return Future.failedFuture(caller.token().isPresent()
                    ? new EdgeRejection(GatewayError.FORBIDDEN, path)
                    : new EdgeRejection(GatewayError.UNAUTHENTICATED, path));
        }
        return Future.succeededFuture(caller);
    }

    /**
     * Charges the request before anything else is decided about it, so a request without a token or with a bad one
     * spends its address's budget before its 401, and a valid token its subject's and its client's before the grant
     * check (a Keycloak call), the role check and the service. Passes the authentication's outcome on, or fails with
     * the 429. Either way the answer carries the budgets' {@code RateLimit} fields.
     */
    private Future<Caller> limit(RoutingContext rc, Access required, AsyncResult<Caller> identified) {
        Future<Caller> outcome = identified.succeeded()
                ? Future.succeededFuture(identified.result()) : Future.failedFuture(identified.cause());
        if (!rateLimiter.enabled() || required == Access.SERVICE_AUTHENTICATED) {
            return outcome;
        }
        Optional<Caller> validated = identified.succeeded() ? Optional.of(identified.result()) : Optional.empty();
        return rateLimiter.tryConsume(keys.of(validated, clientAddress(rc))).compose(verdict -> {
            RateLimitFields.write(rc.response().headers(), verdict);
            return verdict.allowed() ? outcome : Future.failedFuture(tooManyRequests(verdict));
        });
    }

    /** Succeeds with what to do once the service has answered with a 4xx, or fails with the 429. */
    private Future<Runnable> afterwards(RoutingContext rc, Access required) {
        Runnable nothing = () -> { };
        if (!rateLimiter.enabled() || required != Access.SERVICE_AUTHENTICATED) {
            return Future.succeededFuture(nothing);
        }
        // Anyone can post a payment callback, and a refused one still costs the service a write (its audit).
        // Only refusals are charged: the platform's accepted callbacks and their retries are never throttled, so
        // their answers carry no budget; only the 429 says which one ran out.
        RateLimiter.Key refusals = keys.refusedCallbacks(clientAddress(rc));
        return rateLimiter.waitFor(refusals).compose(verdict -> {
            if (verdict.allowed()) {
                return Future.<Runnable>succeededFuture(() -> rateLimiter.charge(refusals));
            }
            RateLimitFields.write(rc.response().headers(), verdict);
            return Future.failedFuture(tooManyRequests(verdict));
        });
    }

    private static EdgeRejection tooManyRequests(Verdict verdict) {
        return new EdgeRejection(GatewayError.RATE_LIMITED,
                Long.toString(RateLimitFields.retryAfterSeconds(verdict.retryAfter().orElseThrow())));
    }

    private void forward(RoutingContext rc, Route route, long maxBody, Runnable onClientError) {
        if (expectsContinue(rc)) {
            // Every edge check has passed, so now the body is wanted. The gateway answers the expectation itself:
            // the proxy would pass it on and the client would wait for a 100 that the service sends to nobody.
            rc.request().headers().remove("Expect");
            rc.response().writeContinue();
        }
        UpstreamExchange exchange = new UpstreamExchange(rc, route, maxBody, onClientError);
        HttpProxy.reverseProxy(clients.current()).origin(exchange).addInterceptor(exchange).handle(rc.request());
    }

    private static void reject(RoutingContext rc, Throwable failure) {
        if (!(failure instanceof EdgeRejection rejection)) {
            rc.fail(failure);
            return;
        }
        String challenge = switch (rejection.error()) {
            case UNAUTHENTICATED -> "Bearer realm=\"hkmo\"";
            case INVALID_TOKEN -> "Bearer realm=\"hkmo\", error=\"invalid_token\"";
            case FORBIDDEN -> "Bearer realm=\"hkmo\", error=\"insufficient_scope\"";
            default -> null;
        };
        if (challenge != null) {
            rc.response().putHeader("WWW-Authenticate", challenge);
        }
        refuse(rc, rejection.error(), rejection.args());
    }

    private static void refuse(RoutingContext rc, GatewayError error, Object... args) {
        if (expectsContinue(rc)) {
            // The client holds its body back and may never send it, so the connection cannot be read past it.
            Problems.sendAndClose(rc, error, args);
        } else {
            Problems.send(rc, error, args);
        }
    }

    /** The caller's address; behind an ingress, set quarkus.http.proxy.* so this is the real client. */
    static String clientAddress(RoutingContext rc) {
        return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
    }

    /** RFC 9110 §10.1.1: a client that sends {@code Expect: 100-continue} waits for a 100 before its body. */
    private static boolean expectsContinue(RoutingContext rc) {
        String expect = rc.request().getHeader("Expect");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    private static long declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
