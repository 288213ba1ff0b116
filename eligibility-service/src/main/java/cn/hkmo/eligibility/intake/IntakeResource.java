package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import static cn.hkmo.eligibility.intake.IntakeViews.BookingView;
import static cn.hkmo.eligibility.intake.IntakeViews.DecisionBody;
import static cn.hkmo.eligibility.intake.IntakeViews.DecisionView;
import static cn.hkmo.eligibility.intake.IntakeViews.IntakeView;
import static cn.hkmo.eligibility.intake.IntakeViews.MaterialsBody;

/** The officer at the counter: only bookings of the officer's own hall ({@code hall_id} claim). */
@Path("/api/v1/intake/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.OFFICER)
@Tag(name = "intake", description = "Counter intake (受理) for checked-in bookings")
public class IntakeResource {

    /** Checked before the body (validated in {@link IntakeService}), so another hall's officer learns this, not a 400. */
    private static final String NOT_YOUR_HALL = "NOT_YOUR_HALL: the booking is at another hall than the officer's "
            + "(names only the booking number); checked before the body is validated";

    private final IntakeService intake;
    private final IntakeQueries queries;
    private final Caller caller;
    private final IdempotencyKeys idempotencyKeys;

    public IntakeResource(IntakeService intake, IntakeQueries queries, Caller caller, IdempotencyKeys idempotencyKeys) {
        this.intake = intake;
        this.queries = queries;
        this.caller = caller;
        this.idempotencyKeys = idempotencyKeys;
    }

    @GET
    @Operation(summary = "Checked-in bookings waiting at the officer's hall (and those back after a notice)")
    public Page<BookingView> waiting(@QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("50") int size) {
        return queries.waiting(hall(), PageRequest.of(page, size, PageRequest.LONG_LIST_MAX_SIZE));
    }

    @PUT
    @Path("/{bookingNo}/materials")
    @Operation(summary = "Record the application details and the materials presented",
            description = "Returns the checklist for the application as the rules in force today give it, every item missing "
                    + "or wrong, and the decision it points to. May be repeated (e.g. after a notice). Keys are the checklist "
                    + "keys (e.g. KINSHIP_PROOF:SPOUSE); a key not on the checklist is a 400 UNKNOWN_MATERIAL."
                    + cn.hkmo.eligibility.assessment.AssessmentResource.CONFIGURABLE)
    @APIResponse(responseCode = "200", description = "The checklist against what was presented")
    @APIResponse(responseCode = "403", description = NOT_YOUR_HALL,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"BOOKING_NOT_FOUND", "NOT_YOUR_HALL", "BOOKING_NOT_OPEN_FOR_INTAKE", "INTAKE_ALREADY_DECIDED", "HALL_REGION_UNKNOWN"})
    public IntakeView record(@PathParam("bookingNo") String bookingNo, @NotNull MaterialsBody body) {
        return intake.record(bookingNo, body, caller.subject(), hall());
    }

    @POST
    @Path("/{bookingNo}/decision")
    @Transactional
    @Operation(summary = "Decide: ACCEPTED (receipt, application.accepted), INCOMPLETE (one-time notice), NOT_ACCEPTED (reason)",
            description = "ACCEPTED needs every item presented and acceptable, everything allowed and within the office's remit, "
                    + "and for each endorsement one of its option codes (options: {\"HK-T\": \"P3M/MULTIPLE\"}). INCOMPLETE lists "
                    + "every missing or wrong item at once. NOT_ACCEPTED gives the reason: outside the office's remit, not "
                    + "eligible, or the officer's reason. A booking announced without its hall's region is a 409 "
                    + "HALL_REGION_UNKNOWN.\n\n"
                    + "Safe to retry with an `Idempotency-Key` header (recommended for counter clients): the same officer, key, "
                    + "booking and body replay the first response (with `Idempotent-Replayed: true`) and decide nothing again, "
                    + "so one receipt and one event; the same key for another booking or body is a 422 IDEMPOTENCY_KEY_REUSED. "
                    + "Keys are kept for a day. The header is optional: without it a repeated decision is not replayed but "
                    + "refused with 409 INTAKE_ALREADY_DECIDED, naming the decision made (still one receipt, one event).")
    @APIResponse(responseCode = "200", description = "The decision (or its replay)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "403", description = NOT_YOUR_HALL,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"BOOKING_NOT_FOUND", "NOT_YOUR_HALL", "BOOKING_NOT_OPEN_FOR_INTAKE", "INTAKE_ALREADY_DECIDED", "HALL_REGION_UNKNOWN",
            "MATERIALS_NOT_RECORDED", "APPLICATION_NOT_ACCEPTABLE", "NOTHING_TO_CORRECT", "NO_GROUND_FOR_REFUSAL",
            "OPTION_NOT_AVAILABLE"})
    public Response decide(@PathParam("bookingNo") String bookingNo,
                           @Parameter(description = "Optional; the same key replays the first response (max. 200 characters)")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @NotNull DecisionBody body) {
        String officer = caller.subject();
        String hall = hall();
        return idempotencyKeys.executeIfKeyed("intake-decision", idempotencyKey, officer, new DecisionRequest(bookingNo, body), 200,
                DecisionView.class, () -> intake.decide(bookingNo, body, officer, hall)).toResponse();
    }

    /** What an idempotency key stands for: the booking and the body, so a key reused for another booking is refused. */
    record DecisionRequest(String bookingNo, DecisionBody decision) {
    }

    private String hall() {
        return IntakeAccess.officerHall(caller);
    }
}
