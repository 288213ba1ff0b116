package cn.hkmo.issuance.casefile;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/timeline")
@Tag(name = "timeline", description = "The citizen's timeline from booking to delivery")
public class TimelineResource {

    private final TimelineService timelines;
    private final Caller caller;

    public TimelineResource(TimelineService timelines, Caller caller) {
        this.timelines = timelines;
        this.caller = caller;
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({"citizen", "officer", "reviewer", "supervisor", "admin"})
    @Operation(summary = "Booking to delivery of an application (or booking) number, with the deadline as target date")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "403", description = AccessAnswers.READ_403 + " OUT_OF_SCOPE: staff other than "
            + "supervisors and admins on a booking not yet accepted (its steps are its citizen's).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "TIMELINE_NOT_FOUND, naming the number asked for. "
            + AccessAnswers.READ_404,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"PARTNER_NOT_AUTHORISED", "TIMELINE_NOT_FOUND", "OTHER_HALL", "OUT_OF_REVIEW_SCOPE", "OUT_OF_SCOPE"})
    public Timeline timeline(@PathParam("number") String number) {
        return timelines.of(Actors.of(caller), number);
    }
}
