package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.RetriedWrites;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/cases")
@Tag(name = "cases", description = "Cases after acceptance, for their citizen and the staff")
public class CaseResource {

    private final CaseQueries cases;
    private final CaseService service;
    private final Caller caller;
    private final RetriedWrites writes;

    public CaseResource(CaseQueries cases, CaseService service, Caller caller, RetriedWrites writes) {
        this.writes = writes;
        this.cases = cases;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed("citizen")
    @Operation(summary = "The calling citizen's cases, newest first")
    @APIResponse(responseCode = "200", description = "The cases")
    @APIResponse(responseCode = "403", description = AccessAnswers.CITIZEN_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises("PARTNER_NOT_AUTHORISED")
    public Page<CaseView> mine(@QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("20") int size) {
        return cases.mine(Actors.of(caller), PageRequest.of(page, size));
    }

    @GET
    @Path("/{applicationNo}")
    @RolesAllowed({"citizen", "officer", "reviewer", "supervisor", "admin"})
    @Operation(summary = "One case: the citizen's own, an officer's hall's, a reviewer's province's")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "403", description = AccessAnswers.READ_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND. " + AccessAnswers.READ_404,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"PARTNER_NOT_AUTHORISED", "CASE_NOT_FOUND", "OTHER_HALL", "OUT_OF_REVIEW_SCOPE"})
    public CaseView one(@PathParam("applicationNo") String applicationNo) {
        return cases.one(Actors.of(caller), applicationNo);
    }

    @PUT
    @Path("/{applicationNo}/delivery-method")
    @RolesAllowed("citizen")
    @Operation(summary = "Change between hall collection and EMS (with address) until the permit is dispatched",
            description = RetriedWrites.SAFE_TO_RETRY)
    @APIResponse(responseCode = "200", description = "The case with its new delivery (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = AccessAnswers.CITIZEN_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND. " + AccessAnswers.READ_404,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"PARTNER_NOT_AUTHORISED", "CASE_NOT_FOUND", "DELIVERY_CHANGE_CLOSED", "EMS_ADDRESS_REQUIRED"})
    public Response changeDelivery(@PathParam("applicationNo") String applicationNo,
                                   @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                                   String idempotencyKey,
                                   @NotNull @Valid DeliveryChange change) {
        return writes.run("delivery-method", idempotencyKey, applicationNo, change, 200, CaseView.class,
                () -> service.changeDelivery(Actors.of(caller), applicationNo, change));
    }
}
