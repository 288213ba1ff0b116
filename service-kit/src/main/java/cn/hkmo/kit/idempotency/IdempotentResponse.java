package cn.hkmo.kit.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The response of an idempotent write: the first one, or its replay.
 *
 * @param json     the body as JSON, exactly as stored for replays: sent as it is, not serialised again (null: no body)
 * @param replayed true if this repeats a response already given for the same key
 */
public record IdempotentResponse<T>(int status, T body, String json, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse() {
        Response.ResponseBuilder response = json == null ? Response.status(status)
                : Response.status(status).entity(json).type(MediaType.APPLICATION_JSON_TYPE);
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
