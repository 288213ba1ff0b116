package cn.hkmo.appointment;

import cn.hkmo.kit.problem.ErrorCode;
import cn.hkmo.kit.problem.ProblemException;

import java.util.List;

/**
 * One broken rule of a request: the field it concerns (JSON path, e.g. {@code emergencyContact.mobile})
 * and the code. Rules return these so they can be unit-tested without the HTTP layer.
 */
public record Violation(String field, ErrorCode code, List<Object> args) {

    public static Violation of(String field, ErrorCode code, Object... args) {
        return new Violation(field, code, List.of(args));
    }

    /** The problem for one or more violations: the first one's code, every one as a field violation. */
    public static ProblemException problem(List<Violation> violations) {
        Violation first = violations.get(0);
        ProblemException problem = new ProblemException(first.code(), first.args().toArray());
        violations.forEach(v -> problem.withViolation(v.field(), v.code(), v.args().toArray()));
        return problem;
    }

    public ProblemException problem() {
        return problem(List.of(this));
    }
}
