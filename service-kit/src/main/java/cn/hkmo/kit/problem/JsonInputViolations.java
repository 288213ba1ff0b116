package cn.hkmo.kit.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Jackson's complaint about one value of a JSON body (an unknown enum constant, a date that is no date, text where a
 * number belongs) as the field violation bean validation would give: the field's JSON path, a code, and a message
 * in the caller's language that says what the field accepts. The value entered is never repeated: it may be anything,
 * a resident ID typed into the wrong field included.
 */
final class JsonInputViolations {

    /** Code and message key of an enum field given a value outside its constants; argument: the accepted values. */
    static final String NOT_ONE_OF = "NOT_ONE_OF";
    /** Code and message key of any other wrong value; argument: the expected format, from {@code FORMAT.<kind>}. */
    static final String INVALID_FORMAT = "INVALID_FORMAT";

    private JsonInputViolations() {
    }

    /** The violation, or empty when Jackson names no field (the body as a whole has the wrong shape). */
    static Optional<Problem.Violation> of(MismatchedInputException e, ProblemMessages messages, Locale locale) {
        String field = fieldOf(e.getPath());
        if (field.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(violation(field, e.getTargetType(), messages, locale));
    }

    /**
     * What {@code field} accepts, as a violation: the constants of an enum ({@code NOT_ONE_OF}), else the format of its
     * kind ({@code INVALID_FORMAT}). Shared with {@link ParameterViolations}, so a query parameter reads as a body field.
     */
    static Problem.Violation violation(String field, Class<?> target, ProblemMessages messages, Locale locale) {
        if (target != null && target.isEnum()) {
            String accepted = Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return new Problem.Violation(field, NOT_ONE_OF,
                    messages.message(NOT_ONE_OF, locale, accepted).orElse(NOT_ONE_OF));
        }
        String format = messages.message("FORMAT." + kindOf(target), locale).orElse(kindOf(target));
        return new Problem.Violation(field, INVALID_FORMAT,
                messages.message(INVALID_FORMAT, locale, format).orElse(INVALID_FORMAT));
    }

    /** {@code endorsements[0].type}, in the notation of the bean-validation violations. */
    static String fieldOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The kind of value a field takes, as named in the message bundles ({@code FORMAT.date}, ...). */
    static String kindOf(Class<?> target) {
        if (target == null) {
            return "value";
        }
        if (target == LocalDate.class) {
            return "date";
        }
        if (target == LocalTime.class) {
            return "time";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "dateTime";
        }
        if (target == UUID.class) {
            return "uuid";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "boolean";
        }
        if (target == int.class || target == long.class || target == short.class || target == Integer.class
                || target == Long.class || target == Short.class) {
            return "integer";
        }
        if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return "number";
        }
        if (target == String.class || target == char.class || target == Character.class) {
            return "text";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "list";
        }
        return Map.class.isAssignableFrom(target) || !target.getName().startsWith("java.") ? "object" : "value";
    }
}
