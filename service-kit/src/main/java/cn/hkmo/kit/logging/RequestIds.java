package cn.hkmo.kit.logging;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.MDC;

import cn.hkmo.contracts.http.RequestId;

/**
 * Every request carries an {@code X-Request-Id} (the gateway's, or a new one; {@link RequestId} says which are kept): echoed in the response,
 * in problem bodies and in the log MDC ({@code requestId}), so a user's error report finds its log lines.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = RequestId.HEADER;
    public static final String MDC_KEY = RequestId.MDC_KEY;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = RequestId.keepOrCreate(context.request().getHeader(HEADER));
            context.request().headers().set(HEADER, id);
            context.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            context.addEndHandler(done -> MDC.remove(MDC_KEY));
            context.next();
        });
    }

    /** The current request's id (set by the router handler before any resource runs). */
    public static String of(HttpHeaders headers) {
        return headers.getHeaderString(HEADER);
    }
}
