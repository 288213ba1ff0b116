package cn.hkmo.gateway.logging;

/**
 * One request as the access log records it, taken on the event loop when the response ends and formatted later by the
 * writer's thread ({@link AccessLogFormat}).
 *
 * @param endMillis   when the response ended (epoch milliseconds)
 * @param thread      the event loop that served it
 * @param remoteHost  the client's address (the forwarded one behind a trusted proxy)
 * @param bytesSent   the response body's bytes
 * @param micros      from the request's arrival to the response's end
 * @param requestId   {@code X-Request-Id} as forwarded upstream; null for a request refused before it was given one
 */
public record AccessLogEntry(long endMillis, String thread, String remoteHost, String method, String uri,
                             String version, int status, long bytesSent, long micros, String requestId) {
}
