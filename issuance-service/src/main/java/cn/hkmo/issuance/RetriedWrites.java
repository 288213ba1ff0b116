package cn.hkmo.issuance;

import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Staff writes on a case that a client may retry after a lost answer (approval, refusal, extension, collection,
 * dispatch, delivery), with an optional {@code Idempotency-Key} through the kit's {@link IdempotencyKeys}
 * (docs/conventions.md, Errors): the same caller, key, case and body replay the first answer with
 * {@code Idempotent-Replayed: true} and change nothing again; the same key for another case or body is a 422
 * {@code IDEMPOTENCY_KEY_REUSED}; a concurrent twin waits for the first and gets its answer. The key row is written in
 * the write's own transaction, so a refused write keeps no key. Without the header the write runs as it always did.
 *
 * <pre>{@code
 * return writes.run("refusal", idempotencyKey, applicationNo, request, 201, DecisionDocument.class,
 *         () -> reviews.refuse(reviewer, applicationNo, request));
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class RetriedWrites {

    /** OpenAPI: the header. */
    public static final String KEY = "Optional. The same caller, key, case and body replay the first answer (its status and "
            + "body, with `Idempotent-Replayed: true`) and change nothing again. At most 200 characters (an empty or "
            + "longer key is a 400 IDEMPOTENCY_KEY_MISSING); keys are kept for a day and belong to their caller.";

    /** OpenAPI: the operation's description starts with this, then says what a repeat without a key gets. */
    public static final String SAFE_TO_RETRY = "Safe to retry with an `Idempotency-Key` header (optional): the same caller, "
            + "key, case and body replay the first answer with `Idempotent-Replayed: true`, so one change and one event; the same "
            + "key for another case or body is a 422 IDEMPOTENCY_KEY_REUSED.";

    /** OpenAPI: the 422. */
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED: this caller already used the Idempotency-Key for another "
            + "case or another body";

    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    public RetriedWrites(IdempotencyKeys idempotencyKeys, Caller caller) {
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    /**
     * Runs {@code write} in one transaction with the key's row, or replays its first answer.
     *
     * @param operation     names the write (the key's scope is {@code issuance-<operation>})
     * @param key           the {@code Idempotency-Key} header; null: no key, the write simply runs
     * @param applicationNo the case: with {@code body}, what the key stands for
     * @param body          the request body, null if the write has none
     * @param status        the status of the answer
     */
    public <T> Response run(String operation, String key, String applicationNo, Object body, int status,
                            Class<T> responseType, Supplier<T> write) {
        return idempotencyKeys.executeIfKeyed("issuance-" + operation, key, caller.subject(), new Request(applicationNo, body),
                status, responseType, write).toResponse();
    }

    /** A write answered with 204 No Content. */
    public Response run(String operation, String key, String applicationNo, Object body, Runnable write) {
        return run(operation, key, applicationNo, body, 204, Void.class, () -> {
            write.run();
            return null;
        });
    }

    /** What a key stands for: the case and the body, so the same key for another case is refused too. */
    record Request(String applicationNo, Object body) {
    }
}
