package cn.hkmo.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.problem.GatewayError;
import cn.hkmo.gateway.problem.Problems;
import cn.hkmo.gateway.ratelimit.RateLimiter;
import cn.hkmo.gateway.routing.RouteTable.Route;
import cn.hkmo.gateway.security.AccessPolicy;
import cn.hkmo.gateway.security.AccessPolicy.Access;
import cn.hkmo.gateway.security.Caller;
import cn.hkmo.gateway.security.DelegatedAccess;
import cn.hkmo.gateway.security.EdgeAuthenticator;
import cn.hkmo.gateway.security.EdgeRejection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * The public API: every {@code /api/*} request passes the edge checks in order (route, size, token, role,
 * rate limit) and is then streamed to the owning service with the vertx-http-proxy.
 */
@ApplicationScoped
public class GatewayRouter {

    private final RouteTable routes;
    private final AccessPolicy access;
    private final EdgeAuthenticator authenticator;
    private final DelegatedAccess delegatedAccess;
    private final RateLimiter rateLimiter;
    private final GatewayConfig config;
    private HttpClient client;

    GatewayRouter(RouteTable routes, AccessPolicy access, EdgeAuthenticator authenticator,
            DelegatedAccess delegatedAccess, RateLimiter rateLimiter, GatewayConfig config) {
        this.delegatedAccess = delegatedAccess;
        this.routes = routes;
        this.access = access;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(50).setKeepAliveTimeout(30));
        router.route("/api/*").handler(this::handle);
    }

    void handle(RoutingContext rc) {
        RequestIds.assign(rc);
        String path = rc.normalizedPath();
        Optional<Route> route = routes.resolve(path);
        if (route.isEmpty()) {
            Problems.send(rc, GatewayError.ROUTE_NOT_FOUND, path);
            return;
        }
        long maxBody = config.maxBodySize().asLongValue();
        if (declaredLength(rc) > maxBody) {
            Problems.sendAndClose(rc, GatewayError.PAYLOAD_TOO_LARGE, Long.toString(maxBody));
            return;
        }
        Access required = access.of(rc.request().method(), path);
        authenticator.authenticate(rc, required)
                .compose(delegatedAccess::verify)
                .compose(caller -> authorize(caller, path))
                .compose(caller -> limit(rc, caller, required))
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

    /** Succeeds with what to do once the service has answered with a 4xx, or fails with the 429. */
    private Future<Runnable> limit(RoutingContext rc, Caller caller, Access required) {
        Runnable nothing = () -> { };
        if (!rateLimiter.enabled()) {
            return Future.succeededFuture(nothing);
        }
        GatewayConfig.RateLimits limits = config.rateLimit();
        if (required == Access.SERVICE_AUTHENTICATED) {
            // Anyone can post a payment callback, and a refused one still costs the service a write (its audit).
            // Only refusals are charged: the platform's accepted callbacks and their retries are never throttled.
            RateLimiter.Key refusals = new RateLimiter.Key("refused-callbacks:ip:" + clientAddress(rc),
                    limits.refusedCallbacks());
            return rateLimiter.waitFor(refusals).compose(wait -> wait.isEmpty()
                    ? Future.<Runnable>succeededFuture(() -> rateLimiter.charge(refusals))
                    : Future.failedFuture(tooManyRequests(rc, wait.get())));
        }
        List<RateLimiter.Key> keys = new ArrayList<>(2);
        caller.citizen().ifPresent(sub -> keys.add(new RateLimiter.Key("citizen:" + sub, limits.citizen())));
        Optional<String> clientId = caller.clientId();
        if (clientId.isPresent()) {
            keys.add(new RateLimiter.Key("client:" + clientId.get(),
                    limits.clients().getOrDefault(clientId.get(), limits.client())));
        } else {
            keys.add(new RateLimiter.Key("ip:" + clientAddress(rc), limits.anonymous()));
        }
        return rateLimiter.tryConsume(keys).compose(wait -> wait.isEmpty()
                ? Future.succeededFuture(nothing)
                : Future.failedFuture(tooManyRequests(rc, wait.get())));
    }

    private static EdgeRejection tooManyRequests(RoutingContext rc, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        rc.response().putHeader("Retry-After", Long.toString(seconds));
        return new EdgeRejection(GatewayError.RATE_LIMITED, Long.toString(seconds));
    }

    private void forward(RoutingContext rc, Route route, long maxBody, Runnable onClientError) {
        UpstreamExchange exchange = new UpstreamExchange(rc, route, maxBody, onClientError);
        HttpProxy.reverseProxy(client).origin(exchange).addInterceptor(exchange).handle(rc.request());
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
        Problems.send(rc, rejection.error(), rejection.args());
    }

    /** The caller's address; behind an ingress, set quarkus.http.proxy.* so this is the real client. */
    static String clientAddress(RoutingContext rc) {
        return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
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
