package cn.hkmo.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/** Builds problem+json bodies in the caller's language; shared by the REST mappers and the HTTP-layer handlers. */
@ApplicationScoped
public class Problems {

    private final ProblemMessages messages;
    private final ObjectMapper json;

    public Problems(ProblemMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public Problem of(ErrorCode code, Locale locale, String instance, String requestId, List<Problem.Violation> violations,
                      Object... args) {
        String title = messages.title(code.code(), locale);
        String detail = messages.detail(code.code(), locale, args).orElse(title);
        return new Problem(Problem.typeOf(code.code()), title, code.status(), detail, instance, code.code(),
                violations == null || violations.isEmpty() ? null : List.copyOf(violations), requestId);
    }

    public Problem of(ProblemException e, Locale locale, String instance, String requestId) {
        List<Problem.Violation> violations = e.violations().stream()
                .map(v -> new Problem.Violation(v.field(), v.code(),
                        messages.message(v.messageKey(), locale, v.args()).orElse(v.code())))
                .toList();
        return of(e.errorCode(), locale, instance, requestId, violations, e.args());
    }

    public String toJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise problem " + problem.code(), e);
        }
    }

    public Response toResponse(Problem problem, Locale locale) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Content-Language", locale.toLanguageTag())
                .entity(toJson(problem))
                .build();
    }
}
