package cn.hkmo.notification.recipient;

import cn.hkmo.kit.problem.Raises;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.notification.NotificationConfig;
import cn.hkmo.notification.MessageAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

import java.util.Optional;

@Path("/api/v1/messages/preferences")
@Tag(name = "messages")
@RolesAllowed("citizen")
@Raises("PARTNER_NOT_AUTHORISED")
public class PreferencesResource {

    private final Recipients recipients;
    private final Caller caller;
    private final String alipayPartner;
    private final IdempotencyKeys idempotencyKeys;

    public PreferencesResource(Recipients recipients, Caller caller, NotificationConfig config, IdempotencyKeys idempotencyKeys) {
        this.recipients = recipients;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
        this.alipayPartner = config.alipay().partnerClient();
    }

    /**
     * @param alipayUserId the Alipay user id the citizen subscribed with in the mini-program (only the Alipay partner
     *                     acting for the citizen sends it); blank ends the subscription
     */
    public record PreferencesRequest(@NotNull Boolean sms, @Pattern(regexp = "[0-9A-Za-z_-]{0,64}") String alipayUserId) {
    }

    @GET
    @Operation(summary = "Where my notices go: SMS on or off, the mobile (masked)")
    public PreferencesView get() {
        return recipients.get(MessageAccess.citizen(caller));
    }

    @PUT
    @Transactional
    @Operation(summary = "Turn SMS on or off (texts go to the verified mobile of my account); the Alipay mini-program "
            + "also records the citizen's subscription to its messages (alipayUserId)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: alipayUserId from any caller but the Alipay partner acting "
            + "for the citizen", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The preferences as set (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PreferencesView.class)))
    public Response set(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull PreferencesRequest request) {
        String citizen = MessageAccess.citizen(caller);
        boolean viaAlipay = caller.actingForCitizen() && caller.clientId().filter(alipayPartner::equals).isPresent();
        if (request.alipayUserId() != null && !viaAlipay) {
            throw new ProblemException(KitError.FORBIDDEN);
        }
        return idempotencyKeys.executeIfKeyed("preferences", idempotencyKey, citizen, request, 200, PreferencesView.class,
                () -> recipients.set(citizen, caller.mobile(), request.sms(), Optional.ofNullable(request.alipayUserId()),
                        viaAlipay ? alipayPartner : null)).toResponse();
    }
}
