package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

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

    private final Intake intake;
    private final Caller caller;

    public IntakeResource(Intake intake, Caller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Checked-in bookings waiting at the officer's hall (and those back after a notice)")
    public List<BookingView> waiting() {
        return intake.waiting(hall());
    }

    @PUT
    @Path("/{bookingNo}/materials")
    @Operation(summary = "Record the application details and the materials presented",
            description = "Returns the checklist for the application as the rules in force today give it, every item missing "
                    + "or wrong, and the decision it points to. May be repeated (e.g. after a notice). Keys are the checklist "
                    + "keys (e.g. KINSHIP_PROOF:SPOUSE); a key not on the checklist is a 400 UNKNOWN_MATERIAL."
                    + cn.hkmo.eligibility.assessment.AssessmentResource.CONFIGURABLE)
    public IntakeView record(@PathParam("bookingNo") String bookingNo, @NotNull @Valid MaterialsBody body) {
        return intake.record(bookingNo, body, caller.subject(), hall());
    }

    @POST
    @Path("/{bookingNo}/decision")
    @Operation(summary = "Decide: ACCEPTED (receipt, application.accepted), INCOMPLETE (one-time notice), NOT_ACCEPTED (reason)",
            description = "ACCEPTED needs every item presented and acceptable, everything allowed and within the office's remit, "
                    + "and for each endorsement one of its option codes (options: {\"HK-T\": \"P3M/MULTIPLE\"}). INCOMPLETE lists "
                    + "every missing or wrong item at once. NOT_ACCEPTED gives the reason: outside the office's remit, not "
                    + "eligible, or the officer's reason.")
    public DecisionView decide(@PathParam("bookingNo") String bookingNo, @NotNull @Valid DecisionBody body) {
        return intake.decide(bookingNo, body, caller.subject(), hall());
    }

    private String hall() {
        return caller.hallId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
    }
}
