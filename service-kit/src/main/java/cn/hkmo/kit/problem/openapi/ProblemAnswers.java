package cn.hkmo.kit.problem.openapi;

import cn.hkmo.kit.problem.ErrorCode;
import cn.hkmo.kit.problem.KitError;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The problems an operation can answer, by status: the codes it declares ({@code @Raises}) first, then what the kit
 * answers for every operation of its kind. Plain function of the contract's facts, unit-tested without a build.
 */
public final class ProblemAnswers {

    /**
     * What the contract says about an operation that decides which of the kit's problems it can answer.
     *
     * @param secured          it requires a token (so: no or a rejected token, a missing role, a withdrawn partner grant)
     * @param takesBody        it reads a request body (unreadable JSON, Bean Validation, a wrong media type)
     * @param takesParameters  it reads path, query or header parameters (validated: paging bounds, constraints; one
     *                         that is not of its type is named, one that cannot be read at all is malformed)
     * @param takesIdempotencyKey it reads {@code Idempotency-Key} (missing or malformed; the same key with another body)
     * @param answersContent   its success has a body (an {@code Accept} it cannot produce)
     */
    public record OperationKind(boolean secured, boolean takesBody, boolean takesParameters,
                                boolean takesIdempotencyKey, boolean answersContent) {
    }

    private ProblemAnswers() {
    }

    public static SortedMap<Integer, Set<ErrorCode>> of(OperationKind kind, Collection<? extends ErrorCode> declared) {
        SortedMap<Integer, Set<ErrorCode>> answers = new TreeMap<>();
        declared.forEach(code -> add(answers, code));
        if (kind.takesBody() || kind.takesParameters()) {
            add(answers, KitError.VALIDATION_FAILED); // also a path or header parameter that is not of its type
        }
        if (kind.takesBody() || kind.takesParameters()) {
            add(answers, KitError.MALFORMED_REQUEST);
        }
        if (kind.secured()) {
            add(answers, KitError.UNAUTHENTICATED);
            add(answers, KitError.DELEGATION_REVOKED);
            add(answers, KitError.FORBIDDEN);
        }
        if (kind.answersContent()) {
            add(answers, KitError.NOT_ACCEPTABLE);
        }
        if (kind.takesBody()) {
            add(answers, KitError.UNSUPPORTED_MEDIA_TYPE);
        }
        if (kind.takesIdempotencyKey()) {
            add(answers, KitError.IDEMPOTENCY_KEY_MISSING); // also where the key is optional: a blank or over-long one
            add(answers, KitError.IDEMPOTENCY_KEY_REUSED);
        }
        add(answers, KitError.INTERNAL_ERROR);
        add(answers, KitError.SERVICE_UNAVAILABLE);
        return answers;
    }

    private static void add(SortedMap<Integer, Set<ErrorCode>> answers, ErrorCode code) {
        Set<ErrorCode> codes = answers.computeIfAbsent(code.status(), status -> new LinkedHashSet<>());
        if (codes.stream().noneMatch(known -> known.code().equals(code.code()))) {
            codes.add(code);
        }
    }
}
