package cn.hkmo.issuance.mailing;

import cn.hkmo.issuance.RetriedWrites;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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


/** The API the EMS integration calls with its service-account token (client {@code courier-ems}, role {@code courier}). */
@Path("/api/v1/courier/mailings")
@RolesAllowed("courier")
@Tag(name = "courier", description = "EMS integration: pick-up list, dispatch, scans on the way and delivery")
public class CourierResource {

    private final MailingService mailing;
    private final RetriedWrites writes;

    public CourierResource(MailingService mailing, RetriedWrites writes) {
        this.mailing = mailing;
        this.writes = writes;
    }

    @GET
    @Operation(summary = "Issued permits waiting for EMS, oldest first, with the recipient's address")
    public Page<MailingItem> awaitingDispatch(@QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("50") int size) {
        return mailing.awaitingDispatch(PageRequest.of(page, size, PageRequest.LONG_LIST_MAX_SIZE));
    }

    @POST
    @Path("/{applicationNo}/dispatch")
    @Operation(summary = "The permit left with this waybill; repeating the same call is harmless",
            description = RetriedWrites.SAFE_TO_RETRY + " Without a key a repeat with the same waybill is harmless too (204, "
                    + "nothing changes); another waybill is a 409 WAYBILL_MISMATCH.")
    @APIResponse(responseCode = "204", description = "Dispatched (or already dispatched with this waybill, or the replay)")
    @APIResponse(responseCode = "409", description = "NOT_FOR_MAILING, NOT_AWAITING_DISPATCH, WAYBILL_MISMATCH",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = RetriedWrites.KEY_REUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"CASE_NOT_FOUND", "NOT_FOR_MAILING", "NOT_AWAITING_DISPATCH", "WAYBILL_MISMATCH"})
    public Response dispatch(@PathParam("applicationNo") String applicationNo,
                             @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                             String idempotencyKey,
                             @NotNull @Valid DispatchRequest request) {
        return writes.run("dispatch", idempotencyKey, applicationNo, request, () -> mailing.dispatch(applicationNo, request));
    }

    @POST
    @Path("/{applicationNo}/tracking")
    @Operation(summary = "A scan on the way (运输中, 派送中, 退回): when and where, for the citizen's tracking; repeating it is harmless",
            description = RetriedWrites.SAFE_TO_RETRY + " Without a key the same status at the same place again is harmless "
                    + "too (204, nothing changes). Posting and delivery are the dispatch and delivery calls. RETURNED records "
                    + "that EMS sends the permit back to the hall; the case stays dispatched for the office to follow up.")
    @APIResponse(responseCode = "204", description = "Recorded (or already recorded, or the replay)")
    @APIResponse(responseCode = "409", description = "NOT_DISPATCHED (not on its way: before dispatch or after delivery), "
            + "WAYBILL_MISMATCH",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = RetriedWrites.KEY_REUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"CASE_NOT_FOUND", "NOT_DISPATCHED", "WAYBILL_MISMATCH", "REPORTED_TIME_IN_FUTURE",
            "REPORTED_TIME_BEFORE_PREVIOUS_STEP"})
    public Response track(@PathParam("applicationNo") String applicationNo,
                          @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                          String idempotencyKey,
                          @NotNull @Valid TrackingReport report) {
        return writes.run("tracking", idempotencyKey, applicationNo, report, () -> mailing.track(applicationNo, report));
    }

    @POST
    @Path("/{applicationNo}/delivery")
    @Operation(summary = "EMS delivered the permit; repeating the same call is harmless",
            description = RetriedWrites.SAFE_TO_RETRY + " Without a key a repeat is harmless too (204, nothing changes).")
    @APIResponse(responseCode = "204", description = "Delivered (or already delivered, or the replay)")
    @APIResponse(responseCode = "409", description = "NOT_DISPATCHED, WAYBILL_MISMATCH",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = RetriedWrites.KEY_REUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"CASE_NOT_FOUND", "NOT_DISPATCHED", "WAYBILL_MISMATCH", "REPORTED_TIME_IN_FUTURE",
            "REPORTED_TIME_BEFORE_PREVIOUS_STEP"})
    public Response deliver(@PathParam("applicationNo") String applicationNo,
                            @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                            String idempotencyKey,
                            @NotNull @Valid DeliveryConfirmation request) {
        return writes.run("delivery", idempotencyKey, applicationNo, request, () -> mailing.deliver(applicationNo, request));
    }
}
