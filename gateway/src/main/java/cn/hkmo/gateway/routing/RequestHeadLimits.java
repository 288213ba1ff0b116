package cn.hkmo.gateway.routing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.problem.GatewayError;
import cn.hkmo.gateway.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * An over-long request line is a {@code 414 URI_TOO_LONG} problem and oversized headers a
 * {@code 431 HEADERS_TOO_LARGE} problem, in the caller's language and with the request id, like every other refusal.
 *
 * <p>Why here and not in the HTTP server: Vert.x's HTTP/1 codec refuses a line over
 * {@code quarkus.http.limits.max-initial-line-length} or headers over {@code max-header-size} itself, before any route
 * runs, with an empty 414 or 431 and a closed connection ({@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}).
 * {@code HttpServer#invalidRequestHandler} could answer there, but Quarkus creates the server and offers no way to set
 * it (an options customizer cannot). So the codec's limits (and HTTP/2's {@code max-header-list-size}) are raised to
 * a ceiling in application.properties and the gateway's own limits ({@code hkmo.gateway.max-request-line-size},
 * {@code max-header-size}: the codec's defaults until now) are enforced by this filter, as {@code max-body-size} is by
 * the router: only a request past the ceiling still gets the bare answer.
 */
@ApplicationScoped
public class RequestHeadLimits {

    /** After CORS (300), so a browser may read the problem; before authentication (200) and every route. */
    static final int PRIORITY = 250;
    private static final Logger LOG = Logger.getLogger(RequestHeadLimits.class);
    // " " + "HTTP/1.1", measured as the HTTP/1 codec does (without CRLF); HTTP/2 requests are measured the same way.
    private static final int SEPARATORS_AND_VERSION = 1 + 1 + "HTTP/1.1".length();

    private final long maxRequestLine;
    private final long maxHeaders;

    RequestHeadLimits(GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int lineCeiling,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize headerCeiling) {
        this.maxRequestLine = config.maxRequestLineSize().asLongValue();
        this.maxHeaders = config.maxHeaderSize().asLongValue();
        if (lineCeiling <= maxRequestLine) {
            LOG.warnf("quarkus.http.limits.max-initial-line-length (%d) is not above hkmo.gateway.max-request-line-size"
                    + " (%d): over-long request lines get a bare 414 from the HTTP server", lineCeiling, maxRequestLine);
        }
        if (headerCeiling.asLongValue() <= maxHeaders) {
            LOG.warnf("quarkus.http.limits.max-header-size (%d) is not above hkmo.gateway.max-header-size (%d):"
                    + " oversized headers get a bare 431 from the HTTP server", headerCeiling.asLongValue(), maxHeaders);
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (requestLineSize(request) > maxRequestLine) {
            refuse(rc, GatewayError.URI_TOO_LONG, maxRequestLine);
        } else if (headerSize(request.headers()) > maxHeaders) {
            refuse(rc, GatewayError.HEADERS_TOO_LARGE, maxHeaders);
        } else {
            rc.next();
        }
    }

    private static void refuse(RoutingContext rc, GatewayError error, long limit) {
        Problems.sendAndClose(rc, error, Long.toString(limit));
    }

    /** {@code GET /api/v1/halls?city=110000 HTTP/1.1}: {@code uri()} is the request target as sent. */
    static long requestLineSize(HttpServerRequest request) {
        return request.method().name().length() + request.uri().length() + SEPARATORS_AND_VERSION;
    }

    /** Sum of the header lines as sent ({@code Name: value}, without CRLF), as the HTTP/1 codec counts them. */
    static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + 2 + header.getValue().length();
        }
        return size;
    }
}
