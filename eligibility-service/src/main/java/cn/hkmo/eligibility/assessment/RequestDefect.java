package cn.hkmo.eligibility.assessment;

import cn.hkmo.eligibility.rules.InvalidRequestException;
import cn.hkmo.eligibility.rules.Violation;
import cn.hkmo.kit.problem.ErrorCode;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Field-level codes of a request the rules cannot assess (the {@code violations[].code} of a 400
 * {@code VALIDATION_FAILED}); one per {@link Violation#code()} of the rules engine.
 */
public enum RequestDefect implements ErrorCode {
    MISSING,
    IMPOSSIBLE_COMBINATION,
    BIRTH_DATE_IN_FUTURE,
    INVALID_REGION,
    INVALID_PERMIT_NUMBER,
    DUPLICATE_ENDORSEMENT,
    OUT_OF_RANGE,
    UNKNOWN_MATERIAL;

    @Override
    public int status() {
        return 400;
    }

    /** The engine's defects as one problem, every field at once. */
    public static ProblemException problem(InvalidRequestException e) {
        ProblemException problem = new ProblemException(KitError.VALIDATION_FAILED);
        for (Violation violation : e.violations()) {
            problem.withViolation(violation.field(), valueOf(violation.code()), violation.field());
        }
        return problem;
    }
}
