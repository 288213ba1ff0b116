package cn.hkmo.appointment.slot;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import cn.hkmo.appointment.CitizenCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** Holds on a place while the form is filled (verified citizens). */
@Path("/api/v1/holds")
@Authenticated
public class HoldResource {

    private final Holds holds;
    private final CitizenCaller citizens;

    public HoldResource(Holds holds, CitizenCaller citizens) {
        this.holds = holds;
        this.citizens = citizens;
    }

    @POST
    @Operation(summary = "Hold a place while the form is filled; it expires by itself")
    public Response hold(@NotNull @Valid WindowRequest request) {
        Owner owner = citizens.owner(citizens.require());
        return Response.status(201).entity(holds.hold(owner, request.hallId(), request.date(), request.windowStart())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Give a held or offered place back")
    public void release(@PathParam("id") UUID id) {
        holds.release(citizens.owner(citizens.require()), id);
    }
}
