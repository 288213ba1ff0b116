package cn.hkmo.fee.schedule;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.Map;

/** The legal fee schedule: public to read, versions added by admins. */
@Path("/api/v1/fees/schedule")
public class ScheduleResource {

    private final FeeScheduleService schedules;
    private final Caller caller;

    public ScheduleResource(FeeScheduleService schedules, Caller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    public record NewVersion(@NotNull LocalDate effectiveFrom, @NotBlank String legalBasis,
                             @NotEmpty Map<FeeItem, Long> feesFen) {
    }

    @GET
    @PermitAll
    public Page<FeeScheduleVersion> versions(@QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("100") int size) {
        // a handful of versions, held in memory since the schedule loads whole
        return Page.of(PageRequest.of(page, size), schedules.schedule().versions());
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Raises({"SCHEDULE_INCOMPLETE", "INVALID_VALIDITY", "SCHEDULE_NOT_LATER"})
    @APIResponse(responseCode = "201", description = "The version as added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeeScheduleVersion.class)))
    public Response add(@Valid @NotNull NewVersion request) {
        FeeScheduleVersion added = schedules.add(request.effectiveFrom(), request.legalBasis(), request.feesFen(), caller.subject());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }
}
