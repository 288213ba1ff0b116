package cn.hkmo.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;

/**
 * One id per request, kept from the caller when it is well formed, so a support ticket, the gateway log
 * and the service logs can be joined on it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String KEY = RequestIds.class.getName();
    // Anything else could be used for log injection or header smuggling, so it is replaced.
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,127}");

    private RequestIds() {
    }

    /** Accepts or creates the id, forwards it upstream (request header) and back (response header). */
    public static String assign(RoutingContext rc) {
        String incoming = rc.request().getHeader(HEADER);
        String id = incoming != null && VALID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        rc.put(KEY, id);
        rc.request().headers().set(HEADER, id);
        // Set last, so an upstream echoing a different value cannot override it.
        rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, id));
        MDC.put(MDC_KEY, id);
        return id;
    }

    public static String of(RoutingContext rc) {
        String id = rc.get(KEY);
        return id != null ? id : assign(rc);
    }
}
