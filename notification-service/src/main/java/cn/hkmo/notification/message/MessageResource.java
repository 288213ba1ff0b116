package cn.hkmo.notification.message;

import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import cn.hkmo.kit.problem.RequestLanguage;
import cn.hkmo.notification.MessageAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

@Path("/api/v1/messages")
@Tag(name = "messages", description = "The citizen's message centre (站内信)")
@RolesAllowed("citizen")
@Raises("PARTNER_NOT_AUTHORISED")
public class MessageResource {

    private final Messages messages;
    private final Caller caller;
    private final RequestLanguage language;
    private final IdempotencyKeys idempotencyKeys;

    public MessageResource(Messages messages, Caller caller, RequestLanguage language, IdempotencyKeys idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
        this.messages = messages;
        this.caller = caller;
        this.language = language;
    }

    public record UnreadCount(long unread) {
    }

    @GET
    @Operation(summary = "My messages, newest first, in the language of Accept-Language (zh-CN or en)")
    public Page<MessageView> mine(@QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("20") int size) {
        return messages.mine(MessageAccess.citizen(caller), PageRequest.of(page, size), language.locale());
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my messages are unread")
    public UnreadCount unread() {
        return new UnreadCount(messages.unread(MessageAccess.citizen(caller)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my messages")
    @APIResponse(responseCode = "404", description = "MESSAGE_NOT_FOUND: no such message, or another citizen's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises("MESSAGE_NOT_FOUND")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    public MessageView one(@PathParam("id") UUID id) {
        return messages.one(MessageAccess.citizen(caller), id, language.locale());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of my messages read (idempotent: again keeps the first time)")
    @APIResponse(responseCode = "404", description = "MESSAGE_NOT_FOUND: no such message, or another citizen's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The message, read (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)))
    @Transactional
    @Raises("MESSAGE_NOT_FOUND")
    public Response markRead(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @PathParam("id") UUID id) {
        String citizen = MessageAccess.citizen(caller);
        return idempotencyKeys.executeIfKeyed("message-read", idempotencyKey, citizen, Map.of("messageId", id), 200,
                MessageView.class, () -> messages.markRead(citizen, id, language.locale())).toResponse();
    }
}
