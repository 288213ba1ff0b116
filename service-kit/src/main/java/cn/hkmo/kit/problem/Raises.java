package cn.hkmo.kit.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems a REST operation can answer beyond those every operation of its kind answers, by the names of
 * {@link ErrorCode} constants: {@code @Raises({"SLOT_FULL", "HOLD_EXPIRED", "IDENTITY_NOT_VERIFIED"})}. The kit's
 * OpenAPI filter ({@code cn.hkmo.kit.problem.openapi.ProblemResponsesFilter}) declares each under the status its enum
 * gives it, so the contract and the code cannot disagree on a status; a name no enum of the service or the kit holds
 * fails the build. On a class, every operation of the resource raises them.
 *
 * <p>What every operation of a kind answers is added without a declaration (docs/conventions.md, "Errors"): bad input
 * where it takes input, 401/403 where it is secured, 422 {@code IDEMPOTENCY_KEY_REUSED} where it takes an
 * {@code Idempotency-Key}, 500 and 503 everywhere.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Raises {

    /** Names of error-code constants ({@code ErrorCode.code()}), e.g. {@code "BOOKING_NOT_FOUND"}. */
    String[] value();
}
