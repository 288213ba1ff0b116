package cn.hkmo.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The limiter's answer for one request: the buckets it looked at, in order, and, when one of them had no token left,
 * how long until it has one again (the {@code Retry-After}). Buckets after the refusing one are not looked at.
 */
public record Verdict(List<Quota> quotas, Optional<Duration> retryAfter) {

    public static final Verdict NOT_LIMITED = new Verdict(List.of(), Optional.empty());

    public boolean allowed() {
        return retryAfter.isEmpty();
    }
}
