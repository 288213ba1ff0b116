package cn.hkmo.issuance.supervision;

import cn.hkmo.issuance.IssuanceConfig;
import cn.hkmo.issuance.RetriedWrites;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.Actors;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/cases")
@RolesAllowed("supervisor")
@Tag(name = "supervision", description = "Statutory deadlines: overdue, near deadline, extensions")
public class SupervisionResource {

    private final SupervisionService supervision;
    private final RetriedWrites writes;
    private final IssuanceConfig config;
    private final Caller caller;

    public SupervisionResource(SupervisionService supervision, RetriedWrites writes, IssuanceConfig config, Caller caller) {
        this.supervision = supervision;
        this.writes = writes;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Pending cases past their deadline, most overdue first")
    public Page<DeadlineItem> overdue(@QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        return supervision.overdue(PageRequest.of(page, size, PageRequest.LONG_LIST_MAX_SIZE));
    }

    @GET
    @Path("/near-deadline")
    @Operation(summary = "Pending cases due within the next working days (default from configuration)")
    public Page<DeadlineItem> nearDeadline(@QueryParam("workingDays") @Min(1) @Max(20) Integer workingDays,
                                           @QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue("50") int size) {
        return supervision.nearDeadline(workingDays != null ? workingDays : config.nearDeadline().workingDays(),
                PageRequest.of(page, size, PageRequest.LONG_LIST_MAX_SIZE));
    }

    @POST
    @Path("/{applicationNo}/extension")
    @Operation(summary = "Record an extension approved by the provincial bureau (up to 20 working days)",
            description = RetriedWrites.SAFE_TO_RETRY + " Without a key a repeat is a 422 EXTENSION_NOT_LONGER (still one "
                    + "extension).")
    @APIResponse(responseCode = "200", description = "The case's new deadline (or the replay of that answer)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadlineItem.class)))
    @APIResponse(responseCode = "409", description = "CASE_NOT_PENDING: issued, refused or closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "EXTENSION_NOT_APPLICABLE, EXTENSION_OUT_OF_RANGE, EXTENSION_NOT_LONGER; "
            + RetriedWrites.KEY_REUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"CASE_NOT_FOUND", "CASE_NOT_PENDING", "EXTENSION_NOT_APPLICABLE", "EXTENSION_OUT_OF_RANGE",
            "EXTENSION_NOT_LONGER", "CALENDAR_YEAR_UNKNOWN"})
    public Response extend(@PathParam("applicationNo") String applicationNo,
                           @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                           String idempotencyKey,
                           @NotNull @Valid ExtensionRequest request) {
        Actor supervisor = Actors.of(caller);
        return writes.run("extension", idempotencyKey, applicationNo, request, 200, DeadlineItem.class,
                () -> supervision.extend(supervisor, applicationNo, request));
    }
}
