package cn.hkmo.kit.problem;

import cn.hkmo.kit.logging.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * A rejected bearer token (bad signature, wrong audience, expired) fails before any REST resource runs;
 * Quarkus hands that failure, with status and challenge already set, to the router's failure handlers.
 * This one only writes the problem+json body, so the 401/403 look like every other error.
 */
@ApplicationScoped
public class SecurityProblems {

    private final Problems problems;

    public SecurityProblems(Problems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        KitError code;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            code = KitError.UNAUTHENTICATED;
        } else if (failure instanceof ForbiddenException) {
            code = KitError.FORBIDDEN;
        } else {
            context.next();
            return;
        }
        if (context.response().ended()) {
            return;
        }
        Locale locale = ProblemMessages.languageOf(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = problems.of(code, locale, context.request().path(),
                context.request().getHeader(RequestIds.HEADER), null);
        if (code == KitError.UNAUTHENTICATED && !context.response().headers().contains("WWW-Authenticate")) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        context.response()
                .setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag())
                .end(problems.toJson(problem));
    }
}
