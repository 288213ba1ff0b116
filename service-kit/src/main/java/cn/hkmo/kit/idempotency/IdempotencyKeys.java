package cn.hkmo.kit.idempotency;

import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for writes a client may retry (book, pay, cancel): the first response is
 * stored in the same transaction as the business write and replayed for the same scope, caller and key.
 *
 * <pre>{@code
 * @POST @Transactional
 * public Response book(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid BookingRequest request) {
 *     return idempotencyKeys.execute("book", key, caller.subject(), request, 201, BookingView.class,
 *             () -> bookings.book(caller, request)).toResponse();
 * }
 * }</pre>
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ObjectMapper answers;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyKeys(EntityManager entityManager, ObjectMapper json, PersonalDataCipher cipher, Clock clock,
                           @ConfigProperty(name = "hkmo.idempotency.retention") Duration retention) {
        this.entityManager = entityManager;
        // The answer is written once, as the application writes its bodies, and that text is both sent and stored.
        this.answers = json;
        // Sorted keys: the same request body hashes the same whatever the field order of a map. Timestamps keep their
        // offset when read back, so a replay is the first answer byte for byte (+08:00, not Z).
        this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        this.cipher = cipher;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Runs {@code action} once per (scope, caller, key) and replays its response afterwards.
     * A concurrent identical request waits on the key's row until the first transaction ends, then replays
     * (or, if the first rolled back, runs the action itself).
     *
     * @param key     the client's {@code Idempotency-Key} header; required
     * @param caller  whose key it is (the token subject), so two users' keys never collide
     * @param request the request body, compared by hash: the same key with another body is refused
     * @param status  the HTTP status of the first response, replayed with it
     * @throws ProblemException {@code IDEMPOTENCY_KEY_MISSING} (400), {@code IDEMPOTENCY_KEY_REUSED} (422)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> IdempotentResponse<T> execute(String scope, String key, String caller, Object request, int status,
                                             Class<T> responseType, Supplier<T> action) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new ProblemException(KitError.IDEMPOTENCY_KEY_MISSING, HEADER);
        }
        String requestHash = sha256(toJson(request));
        boolean first = entityManager.createNativeQuery("""
                        insert into idempotency_key (scope, key, caller, request_hash, status, created_at)
                        values (:scope, :key, :caller, :hash, :status, :now) on conflict do nothing""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("caller", caller)
                .setParameter("hash", requestHash).setParameter("status", status)
                .setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate() == 1;
        if (first) {
            T response = action.get();
            String answer = write(answers, response);
            entityManager.createNativeQuery("""
                            update idempotency_key set response_json = :response
                            where scope = :scope and caller = :caller and key = :key""")
                    // the answer names the citizen (a booking, a case): sealed at rest like other personal data
                    .setParameter("response", cipher.encrypt(answer))
                    .setParameter("scope", scope).setParameter("caller", caller).setParameter("key", key)
                    .executeUpdate();
            return new IdempotentResponse<>(status, response, response == null ? null : answer, false);
        }
        Object[] stored = (Object[]) entityManager.createNativeQuery("""
                        select request_hash, status, response_json from idempotency_key
                        where scope = :scope and caller = :caller and key = :key""")
                .setParameter("scope", scope).setParameter("caller", caller).setParameter("key", key)
                .getSingleResult();
        if (!requestHash.equals(stored[0])) {
            throw new ProblemException(KitError.IDEMPOTENCY_KEY_REUSED, key);
        }
        String answer = cipher.decryptIfSealed((String) stored[2]);
        T response = fromJson(answer, responseType);
        return new IdempotentResponse<>(((Number) stored[1]).intValue(), response, response == null ? null : answer, true);
    }

    /**
     * {@link #execute} for a write where the key is optional (a staff decision that is safe without one): with no
     * header the action simply runs; a blank or over-long key is still refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> IdempotentResponse<T> executeIfKeyed(String scope, String key, String caller, Object request, int status,
                                                    Class<T> responseType, Supplier<T> action) {
        if (key == null) {
            T response = action.get();
            return new IdempotentResponse<>(status, response, response == null ? null : write(answers, response), false);
        }
        return execute(scope, key, caller, request, status, responseType, action);
    }

    /** {@link #executeIfKeyed} for a write answered with 204 No Content (a release, a leave). */
    @Transactional(Transactional.TxType.MANDATORY)
    public IdempotentResponse<Void> executeIfKeyed(String scope, String key, String caller, Object request, Runnable action) {
        return executeIfKeyed(scope, key, caller, request, 204, Void.class, () -> {
            action.run();
            return null;
        });
    }

    @Scheduled(every = "${hkmo.idempotency.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredKeys() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from idempotency_key where created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    private String toJson(Object value) {
        return write(json, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T fromJson(String value, Class<T> type) {
        try {
            return value == null ? null : json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not a " + type.getSimpleName(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
