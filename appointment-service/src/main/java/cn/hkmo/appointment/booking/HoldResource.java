package cn.hkmo.appointment.booking;

import cn.hkmo.kit.problem.Raises;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import cn.hkmo.appointment.CitizenCaller;
import cn.hkmo.appointment.slot.HoldView;
import cn.hkmo.appointment.slot.Holds;
import cn.hkmo.appointment.slot.WindowRequest;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;
import java.util.UUID;

/** Holds on a place while the form is filled (verified citizens). */
@Path("/api/v1/holds")
@Authenticated
// Every operation starts with CitizenCaller.require(): a partner without the citizen's "booking" grant, an identity
// without the real-person check.
@Raises({"PARTNER_NOT_AUTHORISED", "IDENTITY_NOT_VERIFIED"})
public class HoldResource {

    private final Holds holds;
    private final CitizenCaller citizens;
    private final IdempotencyKeys idempotencyKeys;

    public HoldResource(Holds holds, CitizenCaller citizens, IdempotencyKeys idempotencyKeys) {
        this.holds = holds;
        this.citizens = citizens;
        this.idempotencyKeys = idempotencyKeys;
    }

    @POST
    @Transactional
    @Operation(summary = "Hold a place while the form is filled; it expires by itself; with an Idempotency-Key a retry "
            + "replays the first hold instead of holding a second place")
    @APIResponse(responseCode = "201", description = "Held (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HoldView.class)))
    @Raises({"HALL_NOT_FOUND", "FIELD_REQUIRED", "WINDOW_NOT_OFFERED", "WINDOW_IN_PAST", "WINDOW_OUTSIDE_HORIZON",
            "WINDOW_TOO_SOON", "HALL_CLOSED", "SLOT_FULL"})
    public Response hold(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @NotNull @Valid WindowRequest request) {
        Citizen citizen = citizens.require();
        return idempotencyKeys.executeIfKeyed("hold", idempotencyKey, citizen.subject(), request, 201, HoldView.class,
                () -> holds.hold(citizens.owner(citizen), request.hallId(), request.date(), request.windowStart())).toResponse();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The citizen's hold or waitlist offer: its window, hall, status and expiry (business zone)",
            description = "Another citizen's hold answers 404 HOLD_NOT_FOUND like a missing id; a partner acting for the "
                    + "citizen needs the booking scope. The place-offered message links here.")
    @Raises("HOLD_NOT_FOUND")
    public HoldView get(@PathParam("id") UUID id) {
        return holds.get(citizens.owner(citizens.require()), id);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Give a held or offered place back; with an Idempotency-Key a retry replays the 204 instead of "
            + "HOLD_NOT_FOUND")
    @APIResponse(responseCode = "204", description = "Given back (or the first answer replayed)")
    @Raises("HOLD_NOT_FOUND")
    public Response release(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @PathParam("id") UUID id) {
        Citizen citizen = citizens.require();
        return idempotencyKeys.executeIfKeyed("hold-release", idempotencyKey, citizen.subject(), Map.of("holdId", id),
                () -> holds.release(citizens.owner(citizen), id)).toResponse();
    }
}
