package cn.hkmo.kit.idempotency;

import jakarta.ws.rs.core.Response;

/**
 * The response of an idempotent write: the first one, or its replay.
 *
 * @param replayed true if this repeats a response already given for the same key
 */
public record IdempotentResponse<T>(int status, T body, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).entity(body);
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
