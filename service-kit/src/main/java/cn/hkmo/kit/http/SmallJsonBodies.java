package cn.hkmo.kit.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a small JSON request body on the event loop, before the request is handed to a worker thread.
 * <p>
 * Quarkus REST buffers a body on the event loop only for non-blocking endpoints. Every write of the suite is blocking
 * (JTA, Hibernate), so its worker thread started with no body yet, asked for it and waited on a monitor until the event
 * loop handed the bytes over: a park, a wake-up and two context switches per request. Profiled during a booking rush
 * (async-profiler, 2026-12-06) that hand-over was 5.6% of appointment-service's CPU. A body read here is already
 * complete when the worker starts: Quarkus REST reads it from {@code RoutingContext.body()}.
 * <p>
 * Only JSON bodies that announce a length up to {@code quarkus.rest.input-buffer-size} (the size Quarkus REST itself
 * buffers for a non-blocking endpoint) are read here. Larger, chunked and form bodies go the usual way, with the usual
 * limits and answers.
 */
@ApplicationScoped
public class SmallJsonBodies {

    private final long limit;

    public SmallJsonBodies(@ConfigProperty(name = "quarkus.rest.input-buffer-size", defaultValue = "10k") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limit).setPreallocateBodyBuffer(true);
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(context -> {
            HttpServerRequest request = context.request();
            if (readHere(request.getHeader(HttpHeaders.CONTENT_LENGTH), request.getHeader(HttpHeaders.CONTENT_TYPE))) {
                body.handle(context);
            } else {
                context.next();
            }
        });
    }

    /** Whether a request with these headers has its body read on the event loop. */
    boolean readHere(String contentLength, String contentType) {
        return isSmall(contentLength) && isJson(contentType);
    }

    private boolean isSmall(String contentLength) {
        // at most ten ASCII digits: anything longer is not small, and parseLong cannot overflow
        if (contentLength == null || contentLength.isEmpty() || contentLength.length() > 10) {
            return false;
        }
        for (int i = 0; i < contentLength.length(); i++) {
            char c = contentLength.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        long length = Long.parseLong(contentLength);
        return length > 0 && length <= limit;
    }

    /** {@code application/json} or a {@code +json} type such as {@code application/merge-patch+json}, any parameters. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return type.equalsIgnoreCase("application/json") || type.regionMatches(true, type.length() - 5, "+json", 0, 5);
    }
}
