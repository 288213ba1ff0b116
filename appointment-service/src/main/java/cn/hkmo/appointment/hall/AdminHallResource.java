package cn.hkmo.appointment.hall;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;

/** Hall maintenance and ad-hoc closures (admins). */
@Path("/api/v1/admin/halls")
@RolesAllowed(Caller.ADMIN)
public class AdminHallResource {

    private final HallService halls;
    private final HallClosures closures;

    public AdminHallResource(HallService halls, HallClosures closures) {
        this.halls = halls;
        this.closures = closures;
    }

    @POST
    @Raises({"HALL_EXISTS", "INVALID_OPENING_PLAN"})
    @APIResponse(responseCode = "201", description = "The hall as created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HallView.class)))
    public Response create(@NotNull @Valid HallView hall) {
        return Response.status(201).entity(HallView.of(halls.create(domain(hall)), null)).build();
    }

    @PUT
    @Path("{id}")
    @Raises({"HALL_NOT_FOUND", "INVALID_OPENING_PLAN"})
    public HallView update(@PathParam("id") String id, @NotNull @Valid HallView hall) {
        if (!id.equals(hall.id())) {
            throw new ProblemException(AppointmentError.HALL_NOT_FOUND, id);
        }
        return HallView.of(halls.update(domain(hall)), null);
    }

    @GET
    @Path("{id}/closures")
    public Page<ClosureView> closures(@PathParam("id") String id,
                                                     @QueryParam("page") @DefaultValue("0") int page,
                                                     @QueryParam("size") @DefaultValue("50") int size) {
        return closures.upcoming(id, PageRequest.of(page, size, PageRequest.LONG_LIST_MAX_SIZE));
    }

    @POST
    @Path("{id}/closures")
    @Operation(summary = "Close a hall for a day: cancels that day's bookings (events for notification) and gives priority to rebook")
    @Raises({"FIELD_REQUIRED", "HALL_NOT_FOUND", "WINDOW_IN_PAST", "CLOSURE_EXISTS"})
    @APIResponse(responseCode = "201", description = "Closed; the cancelled bookings are listed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosureView.class)))
    public Response close(@PathParam("id") String id, @NotNull ClosureRequest request) {
        return Response.status(201).entity(closures.close(id, request)).build();
    }

    @DELETE
    @Path("{id}/closures/{date}")
    @Raises("CLOSURE_NOT_FOUND")
    public void reopen(@PathParam("id") String id, @PathParam("date") LocalDate date) {
        closures.reopen(id, date);
    }

    private static Hall domain(HallView view) {
        try {
            return view.toHall();
        } catch (OpeningPlan.Inconsistent e) {
            throw new ProblemException(AppointmentError.INVALID_OPENING_PLAN).withViolation("plan." + e.field(), e.messageKey());
        }
    }
}
