package cn.hkmo.kit.logging;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request carries an {@code X-Request-Id} (the gateway's, or a new one): echoed in the response,
 * in problem bodies and in the log MDC ({@code requestId}), so a user's error report finds its log lines.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Ids from outside end up in logs: accept only harmless ones. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = context.request().getHeader(HEADER);
            if (id == null || !ACCEPTABLE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
                context.request().headers().set(HEADER, id);
            }
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
