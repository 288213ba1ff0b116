package cn.hkmo.contracts.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} rule shared by the gateway and every service, so an id the gateway keeps is kept by
 * the service too, and a support ticket, the gateway log and the service logs join on one id.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    // Ids from outside end up in logs and headers: anything else could inject a log line or smuggle a header.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,127}");

    private RequestId() {
    }

    /** The caller's id when it is acceptable, otherwise a new one. */
    public static String keepOrCreate(String incoming) {
        return incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : create();
    }

    /**
     * A random (version 4) UUID from the thread's own generator. An id to join logs on is no secret: it needs to be
     * unique, not unpredictable, and {@code UUID.randomUUID()}'s SecureRandom makes every request thread take one
     * lock (the gateway's event loops queued on it when profiled).
     */
    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
