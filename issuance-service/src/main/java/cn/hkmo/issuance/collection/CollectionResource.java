package cn.hkmo.issuance.collection;

import cn.hkmo.issuance.RetriedWrites;
import cn.hkmo.issuance.casefile.AccessAnswers;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.Actors;
import cn.hkmo.issuance.casefile.CaseView;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
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
@RolesAllowed("officer")
@Tag(name = "collection", description = "Collection at the hall (现场领取)")
public class CollectionResource {

    private final CollectionService collection;
    private final RetriedWrites writes;
    private final Caller caller;

    public CollectionResource(CollectionService collection, RetriedWrites writes, Caller caller) {
        this.collection = collection;
        this.writes = writes;
        this.caller = caller;
    }

    @GET
    @Path("/ready-for-collection")
    @Operation(summary = "Permits waiting at the officer's hall")
    public Page<ReadyItem> ready(@QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("size") @DefaultValue("50") int size) {
        return collection.readyAtHall(Actors.of(caller), PageRequest.of(page, size, PageRequest.LONG_LIST_MAX_SIZE));
    }

    @POST
    @Path("/{applicationNo}/collection")
    @Operation(summary = "Hand the permit over to the applicant or an authorised proxy, after checking their ID",
            description = RetriedWrites.SAFE_TO_RETRY + " Without a key a repeat is a 409 NOT_READY_FOR_COLLECTION (still "
                    + "one hand-over, one event).")
    @APIResponse(responseCode = "200", description = "The case, collected (or the replay of that answer)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = AccessAnswers.HALL_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "NOT_READY_FOR_COLLECTION: not waiting at the hall (e.g. collected)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "COLLECTOR_NOT_APPLICANT: the ID shown is not the applicant's; "
            + RetriedWrites.KEY_REUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"CASE_NOT_FOUND", "OTHER_HALL", "NOT_READY_FOR_COLLECTION", "COLLECTOR_NOT_APPLICANT",
            "PROXY_NAME_REQUIRED", "INVALID_RESIDENT_ID"})
    public Response collect(@PathParam("applicationNo") String applicationNo,
                            @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                            String idempotencyKey,
                            @NotNull CollectionRequest request) {
        Actor officer = Actors.of(caller);
        return writes.run("collection", idempotencyKey, applicationNo, request, 200, CaseView.class,
                () -> collection.collect(officer, applicationNo, request));
    }
}
