package cn.hkmo.kit.problem;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/**
 * The language of the request being served ({@code Accept-Language}, zh-CN by default), for wording in answers
 * other than problems: a view's note, a deadline's basis. Outside a request (a consumer, a job) it is zh-CN.
 */
@ApplicationScoped
public class RequestLanguage {

    private final CurrentVertxRequest request;
    private final ProblemMessages messages;

    public RequestLanguage(CurrentVertxRequest request, ProblemMessages messages) {
        this.request = request;
        this.messages = messages;
    }

    public Locale locale() {
        RoutingContext current = request.getCurrent();
        return ProblemMessages.languageOf(current == null ? null : current.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The entry {@code key} of the service's {@code messages*.properties} in the request's language. */
    public String text(String key, Object... args) {
        return messages.message(key, locale(), args).orElse(key);
    }

    /** Whether the request asked for English; for data that carries both names (e.g. a holiday's). */
    public boolean english() {
        return Locale.ENGLISH.equals(locale());
    }
}
