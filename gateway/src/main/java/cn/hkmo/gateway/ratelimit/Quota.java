package cn.hkmo.gateway.ratelimit;

import java.time.Duration;

import cn.hkmo.gateway.config.GatewayConfig.Limit;

/**
 * One bucket as a request left it: what the IETF {@code RateLimit-Policy} and {@code RateLimit} fields report
 * (docs/adr/0010-shared-rate-limit-store.md).
 *
 * @param policy the bucket's kind ({@code citizen}, {@code client}, ...), the policy's name in both fields
 * @param remaining tokens left after this request
 * @param untilFull until the bucket has refilled to its capacity
 */
public record Quota(String policy, Limit limit, long remaining, Duration untilFull) {
}
