package cn.hkmo.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.Collectors;

import io.vertx.core.MultiMap;

/**
 * The IETF {@code RateLimit-Policy} and {@code RateLimit} answer fields (draft-ietf-httpapi-ratelimit-headers,
 * structured-field lists) and, on a refusal, {@code Retry-After}: one list member per bucket the request took from,
 * named by its policy, e.g. {@code RateLimit-Policy: "citizen";q=60;w=60} and {@code RateLimit: "citizen";r=42;t=18}.
 */
public final class RateLimitFields {

    public static final String POLICY = "RateLimit-Policy";
    public static final String STATE = "RateLimit";
    public static final String RETRY_AFTER = "Retry-After";

    private RateLimitFields() {
    }

    /** Writes the fields of the verdict; nothing when no bucket was looked at (limits off, or not this route's). */
    public static void write(MultiMap headers, Verdict verdict) {
        if (verdict.quotas().isEmpty()) {
            return;
        }
        headers.set(POLICY, verdict.quotas().stream()
                .map(q -> policy(q) + ";q=" + q.limit().capacity() + ";w=" + seconds(q.limit().period()))
                .collect(Collectors.joining(", ")));
        // t: until the bucket is full again (the quota "resets"); a greedy bucket refills evenly before that.
        headers.set(STATE, verdict.quotas().stream()
                .map(q -> policy(q) + ";r=" + q.remaining() + ";t=" + seconds(q.untilFull()))
                .collect(Collectors.joining(", ")));
        verdict.retryAfter().ifPresent(wait -> headers.set(RETRY_AFTER, Long.toString(retryAfterSeconds(wait))));
    }

    /** Whole seconds, rounded up and at least one: a client that waits this long finds a token. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, seconds(wait));
    }

    private static String policy(Quota quota) {
        // sf-string: policy names are configuration keys (letters, digits, '-'), nothing to escape
        return '"' + quota.policy() + '"';
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
