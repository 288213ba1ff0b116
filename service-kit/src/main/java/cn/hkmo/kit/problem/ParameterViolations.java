package cn.hkmo.kit.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The query, path or header parameter that the framework could not convert (an unknown enum constant in
 * {@code ?status=}, a date that is none in {@code ?from=}) as the field violation a JSON body field gets: the
 * parameter's name, and what it accepts. The framework reports only that some parameter failed, so the resource
 * method's parameters are read again here, each value tried as its type, and the first that fails is named.
 */
final class ParameterViolations {

    private ParameterViolations() {
    }

    /** The violation, or empty when no parameter of {@code method} of a kind known here fails (then: MALFORMED_REQUEST). */
    static Optional<Problem.Violation> of(Method method, UriInfo uri, HttpHeaders headers, ProblemMessages messages,
                                          Locale locale) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            Optional<String> name = nameOf(parameter);
            if (name.isEmpty()) {
                continue;
            }
            Class<?> type = valueType(parameter);
            Optional<Function<String, ?>> parse = parser(type);
            if (parse.isEmpty()) {
                continue;
            }
            List<String> values = valuesOf(parameter, name.get(), uri, headers);
            if (values != null && values.stream().anyMatch(value -> fails(parse.get(), value))) {
                return Optional.of(JsonInputViolations.violation(name.get(), type, messages, locale));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nameOf(Parameter parameter) {
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return Optional.of(parameter.getAnnotation(QueryParam.class).value());
        }
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return Optional.of(parameter.getAnnotation(PathParam.class).value());
        }
        if (parameter.isAnnotationPresent(HeaderParam.class)) {
            return Optional.of(parameter.getAnnotation(HeaderParam.class).value());
        }
        return Optional.empty();
    }

    private static List<String> valuesOf(Parameter parameter, String name, UriInfo uri, HttpHeaders headers) {
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return uri.getQueryParameters().get(name);
        }
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return uri.getPathParameters().get(name);
        }
        return headers.getRequestHeader(name);
    }

    /** The type of one value: the element of a {@code List<Status>} or {@code Optional<LocalDate>}. */
    private static Class<?> valueType(Parameter parameter) {
        Class<?> raw = parameter.getType();
        boolean container = Collection.class.isAssignableFrom(raw) || raw == Optional.class;
        if (container && parameter.getParameterizedType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            return element instanceof Class<?> c ? c : Object.class;
        }
        return raw.isArray() ? raw.getComponentType() : raw;
    }

    /** How the framework reads a value of {@code type}, for the kinds a parameter of the suite takes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Function<String, ?>> parser(Class<?> type) {
        if (type.isEnum()) {
            return Optional.of(value -> Enum.valueOf((Class) type, value));
        }
        if (type == LocalDate.class) {
            return Optional.of(LocalDate::parse);
        }
        if (type == LocalTime.class) {
            return Optional.of(LocalTime::parse);
        }
        if (type == LocalDateTime.class) {
            return Optional.of(LocalDateTime::parse);
        }
        if (type == OffsetDateTime.class) {
            return Optional.of(OffsetDateTime::parse);
        }
        if (type == Instant.class) {
            return Optional.of(Instant::parse);
        }
        if (type == UUID.class) {
            return Optional.of(UUID::fromString);
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            return Optional.of(Integer::valueOf);
        }
        if (type == long.class || type == Long.class) {
            return Optional.of(Long::valueOf);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return Optional.of(Double::valueOf);
        }
        return Optional.empty();
    }

    private static boolean fails(Function<String, ?> parse, String value) {
        try {
            parse.apply(value);
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
