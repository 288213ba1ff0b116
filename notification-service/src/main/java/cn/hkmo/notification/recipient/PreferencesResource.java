package cn.hkmo.notification.recipient;

import cn.hkmo.kit.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/messages/preferences")
@Tag(name = "messages")
@RolesAllowed("citizen")
public class PreferencesResource {

    private final Recipients recipients;
    private final Caller caller;

    public PreferencesResource(Recipients recipients, Caller caller) {
        this.recipients = recipients;
        this.caller = caller;
    }

    public record PreferencesRequest(@NotNull Boolean sms) {
    }

    @GET
    @Operation(summary = "Where my notices go: SMS on or off, the mobile (masked)")
    public PreferencesView get() {
        return recipients.get(caller.subject());
    }

    @PUT
    @Transactional
    @Operation(summary = "Turn SMS on or off; texts go to the verified mobile of my account")
    public PreferencesView set(@Valid @NotNull PreferencesRequest request) {
        return recipients.set(caller.subject(), caller.mobile(), request.sms());
    }
}
