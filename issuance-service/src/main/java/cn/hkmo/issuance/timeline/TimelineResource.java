package cn.hkmo.issuance.timeline;

import cn.hkmo.issuance.casefile.Actors;
import cn.hkmo.kit.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public Timeline timeline(@PathParam("number") String number) {
        return timelines.of(Actors.of(caller), number);
    }
}
