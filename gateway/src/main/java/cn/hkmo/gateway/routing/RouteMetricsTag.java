package cn.hkmo.gateway.routing;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code uri} tag of {@code http_server_requests_seconds} for a proxied request is its route, never the raw
 * path: a path carries other citizens' booking and application numbers, and every junk path would be a new tag
 * until the meter registry's cap silenced the real routes. The services tag each operation by its template; the
 * gateway needs no finer grain than the route. The tag is set before anything can answer (401, 404, 429).
 */
@ApplicationScoped
public class RouteMetricsTag {

    /** The request-context key quarkus-micrometer reads the tag from (Quarkus REST sets it the same way). */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Any request under /api that no route serves. */
    static final String UNROUTED = "/api/{unrouted}";
    /** Before the head limits, so a refused request is tagged too. */
    private static final int PRIORITY = RequestHeadLimits.PRIORITY + 10;

    private final RouteTable routes;

    RouteMetricsTag(RouteTable routes) {
        this.routes = routes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::tag, PRIORITY);
    }

    void tag(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.startsWith("/api/")) {
            ((HttpServerRequestInternal) rc.request()).context().putLocal(URL_PATH_TEMPLATE,
                    templateOf(path, routes.resolve(path).map(RouteTable.Route::prefix).orElse(null)));
        }
        rc.next();
    }

    /** The route's prefix, with {@code /**} when the path goes deeper; {@link #UNROUTED} without a route. */
    static String templateOf(String path, String routePrefix) {
        if (routePrefix == null) {
            return UNROUTED;
        }
        return path.length() == routePrefix.length() ? routePrefix : routePrefix + "/**";
    }
}
