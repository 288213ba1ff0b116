package cn.hkmo.gateway.logging;

import org.jboss.logging.MDC;

import cn.hkmo.contracts.http.RequestId;

import io.vertx.ext.web.RoutingContext;

/**
 * One id per request, kept from the caller when it is well formed, so a support ticket, the gateway log
 * and the service logs can be joined on it.
 */
public final class RequestIds {

    public static final String HEADER = RequestId.HEADER;
    public static final String MDC_KEY = RequestId.MDC_KEY;
    private static final String KEY = RequestIds.class.getName();

    private RequestIds() {
    }

    /** Accepts or creates the id, forwards it upstream (request header) and back (response header). */
    public static String assign(RoutingContext rc) {
        String id = RequestId.keepOrCreate(rc.request().getHeader(HEADER));
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
