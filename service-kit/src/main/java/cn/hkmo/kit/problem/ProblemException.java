package cn.hkmo.kit.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * An expected failure with a stable code; mapped once to {@code application/problem+json}.
 * {@code throw new ProblemException(AppointmentError.SLOT_FULL, hallName, date)}.
 */
public class ProblemException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient Object[] args;
    private final List<FieldProblem> violations = new ArrayList<>();

    public ProblemException(ErrorCode errorCode, Object... args) {
        // A 4xx is an answer, not a failure: no stack trace to fill (a booking rush answers SLOT_FULL thousands of
        // times a second). A 5xx keeps its trace for the log.
        super(errorCode.code(), null, false, errorCode.status() >= 500);
        this.errorCode = errorCode;
        this.args = args.clone();
    }

    /** A field-level reason; its message is {@code <CODE>.detail} of the code, formatted with {@code args}. */
    public ProblemException withViolation(String field, ErrorCode code, Object... args) {
        violations.add(new FieldProblem(field, code.code(), code.code() + ".detail", args.clone()));
        return this;
    }

    /** A field-level reason whose message is the bundle entry {@code messageKey}; the key is its code. */
    public ProblemException withViolation(String field, String messageKey, Object... args) {
        violations.add(new FieldProblem(field, messageKey, messageKey, args.clone()));
        return this;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> violations() {
        return List.copyOf(violations);
    }

    /** A violation before its message is resolved in the caller's language. */
    public record FieldProblem(String field, String code, String messageKey, Object[] args) {
    }
}
