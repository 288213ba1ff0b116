package cn.hkmo.kit.problem;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.logging.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonParseException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Maps every failure of a REST call to problem+json: expected ones with their code, bad input to 4xx, the rest to a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Problems problems;
    private final ProblemMessages messages;
    private final Caller caller;

    public ProblemMappers(Problems problems, ProblemMessages messages, Caller caller) {
        this.problems = problems;
        this.messages = messages;
        this.caller = caller;
    }

    /** A saturated pool drains within a second or two; a client that waits that long usually gets through. */
    private static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        return problems.toResponse(problems.of(e, locale, uri.getPath(), RequestIds.of(headers)), locale);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return unexpected(e, headers, uri); // our response broke its own contract: not the caller's fault
            }
            violations.add(new Problem.Violation(fieldOf(violation.getPropertyPath()),
                    codeOf(violation), violation.getMessage()));
        }
        return respond(KitError.VALIDATION_FAILED, headers, uri, violations);
    }

    @ServerExceptionMapper
    public Response invalidResidentId(ResidentId.InvalidResidentIdException e, HttpHeaders headers, UriInfo uri) {
        return respond(KitError.INVALID_RESIDENT_ID, headers, uri, null, e.defect().name());
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class})
    public Response malformedJson(Exception e, HttpHeaders headers, UriInfo uri) {
        LOG.debugf("malformed request body on %s: %s", uri.getPath(), e.getMessage());
        return respond(KitError.MALFORMED_REQUEST, headers, uri, null);
    }

    /** A value of the wrong kind in a named field is a field violation, as bean validation reports it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        Optional<Problem.Violation> violation = JsonInputViolations.of(e, messages, locale(headers));
        if (violation.isEmpty()) {
            return malformedJson(e, headers, uri);
        }
        return respond(KitError.VALIDATION_FAILED, headers, uri, List.of(violation.get()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e, HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(respond(KitError.UNAUTHENTICATED, headers, uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /**
     * A missing role is FORBIDDEN, but a partner's own token on an operation for citizens is refused as every
     * service refuses a partner the citizen did not authorise (PARTNER_NOT_AUTHORISED), whether a role check or
     * {@link Caller#requireConsent} stops it: one answer to one situation.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
        if (caller.partnerOwnToken() && admitsCitizens(resource)) {
            return respond(KitError.PARTNER_NOT_AUTHORISED, headers, uri, null,
                    Caller.BOOKING_SCOPE + " / " + Caller.PAYMENT_SCOPE);
        }
        return respond(KitError.FORBIDDEN, headers, uri, null);
    }

    private static boolean admitsCitizens(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        RolesAllowed roles = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return roles != null && Arrays.asList(roles.value()).contains(Caller.CITIZEN);
    }

    /**
     * Unknown routes, wrong methods, unparsable parameters: the framework's 4xx, in our format. A parameter it could not
     * convert (JAX-RS: 404 for a query or path parameter, 400 for a header) is bad input: 400 VALIDATION_FAILED naming
     * the parameter and what it accepts, as a body field gets; MALFORMED_REQUEST where it cannot be named.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original; // a resource that built its own response meant it
        }
        if (original.getStatus() >= 500) {
            return unexpected(e, headers, uri);
        }
        if ((e instanceof NotFoundException || e instanceof BadRequestException) && e.getCause() != null) {
            Optional<Problem.Violation> violation = ParameterViolations.of(
                    resource == null ? null : resource.getResourceMethod(), uri, headers, messages, locale(headers));
            return violation.isPresent()
                    ? respond(KitError.VALIDATION_FAILED, headers, uri, List.of(violation.get()))
                    : respond(KitError.MALFORMED_REQUEST, headers, uri, null);
        }
        return respond(KitError.forStatus(original.getStatus()), headers, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String requestId = RequestIds.of(headers);
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("database unavailable for %s (request %s): %s", uri.getPath(), requestId, e.toString());
            return Response.fromResponse(respond(KitError.SERVICE_UNAVAILABLE, headers, uri, null))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (SqlFailures.isUnstorableText(e)) {
            LOG.warnf("text the database refuses in %s (request %s): %s", uri.getPath(), requestId, e.toString());
            return respond(KitError.MALFORMED_REQUEST, headers, uri, null);
        }
        LOG.errorf(e, "unexpected failure of %s (request %s)", uri.getPath(), requestId);
        return respond(KitError.INTERNAL_ERROR, headers, uri, null);
    }

    private Response respond(ErrorCode code, HttpHeaders headers, UriInfo uri, List<Problem.Violation> violations,
                             Object... args) {
        Locale locale = locale(headers);
        return problems.toResponse(
                problems.of(code, locale, uri.getPath(), RequestIds.of(headers), violations, args), locale);
    }

    private static Locale locale(HttpHeaders headers) {
        return ProblemMessages.languageOf(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code book.request.items[0].hallId} (method, parameter, properties) becomes {@code items[0].hallId}. */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.isInIterable() && !names.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            }
        }
        if (names.size() > 1 && firstIsParameter(path)) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static boolean firstIsParameter(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return true;
            }
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR) {
                return false;
            }
        }
        return false;
    }

    /** {@code @NotBlank} becomes {@code NOT_BLANK}, in the style of the suite's codes. */
    static String codeOf(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
