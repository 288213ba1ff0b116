package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeConfig;
import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.logging.RequestIds;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.ProblemMessages;
import cn.hkmo.kit.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Optional;

/**
 * Bounds the body of the unauthenticated notify before any of it is read: a body over the limit, or one that
 * does not declare its length, is answered with problem+json and the connection closed with the body unread.
 */
@ApplicationScoped
public class NotifyBodyLimit {

    private final Problems problems;
    private final long maxBytes;

    public NotifyBodyLimit(Problems problems, FeeConfig config) {
        this.problems = problems;
        this.maxBytes = config.alipayNotify().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // after the kit's request id (Integer.MIN_VALUE), before the REST layer reads the form
        router.post(AlipayNotifyResource.PATH).order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    /** Why a body of this declared length is refused, if it is. */
    static Optional<FeeError> refusal(String contentLength, long maxBytes) {
        if (contentLength == null || contentLength.isBlank()) {
            return Optional.of(FeeError.NOTIFY_LENGTH_REQUIRED);
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes ? Optional.of(FeeError.NOTIFY_TOO_LARGE) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(FeeError.NOTIFY_TOO_LARGE); // past Long.MAX_VALUE, or not a number the codec let through
        }
    }

    private void check(RoutingContext context) {
        Optional<FeeError> refusal = refusal(context.request().getHeader(HttpHeaders.CONTENT_LENGTH), maxBytes);
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        Locale locale = ProblemMessages.languageOf(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = problems.of(refusal.get(), locale, context.request().path(),
                context.request().getHeader(RequestIds.HEADER), null, Long.toString(maxBytes));
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problems.toJson(problem))
                // the server would otherwise wait for the rest of a body that is never read
                .onComplete(sent -> context.request().connection().close());
    }
}
