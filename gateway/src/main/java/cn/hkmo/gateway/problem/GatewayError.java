package cn.hkmo.gateway.problem;

/** The gateway's own problem codes; titles and details in {@code problems*.properties}. */
public enum GatewayError {
    UNAUTHENTICATED(401),
    INVALID_TOKEN(401),
    DELEGATION_REVOKED(401),
    FORBIDDEN(403),
    ROUTE_NOT_FOUND(404),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    HEADERS_TOO_LARGE(431),
    RATE_LIMITED(429),
    UPSTREAM_ERROR(502),
    UPSTREAM_UNAVAILABLE(503),
    UPSTREAM_TIMEOUT(504);

    private final int status;

    GatewayError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** {@code https://hkmo.cn/problems/<code-in-kebab-case>}, as in conventions.md. */
    public String type() {
        return "https://hkmo.cn/problems/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
