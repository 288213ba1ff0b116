package cn.hkmo.kit.problem;

/** The errors the kit itself raises; their messages are in {@code kit-problems*.properties}. */
public enum KitError implements ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    INVALID_RESIDENT_ID(400),
    IDEMPOTENCY_KEY_MISSING(400),
    UNAUTHENTICATED(401),
    DELEGATION_REVOKED(401),
    FORBIDDEN(403),
    IDENTITY_NOT_VERIFIED(403),
    /** A partner platform without the citizen's consent to the scope the operation needs (docs/partners.md). */
    PARTNER_NOT_AUTHORISED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    TOO_MANY_REQUESTS(429),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    KitError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    /** The kit code for an HTTP status raised by the framework (unknown route, wrong method...). */
    public static KitError forStatus(int status) {
        for (KitError error : values()) {
            if (error.status == status && error != VALIDATION_FAILED && error != INVALID_RESIDENT_ID
                    && error != IDEMPOTENCY_KEY_MISSING && error != IDENTITY_NOT_VERIFIED
                    && error != PARTNER_NOT_AUTHORISED) {
                return error;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
