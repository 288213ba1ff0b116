package cn.hkmo.notification.delivery;

import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/admin/notifications/dead-letters")
@Tag(name = "notification operations", description = "Deliveries that failed for good, and their replay")
@RolesAllowed("admin")
public class DeadLetterResource {

    private final Deliveries deliveries;

    public DeadLetterResource(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @Operation(summary = "Dead deliveries, oldest first (no recipient data: ids, kind, attempts, the last reason)")
    public Page<Deliveries.DeadLetterView> list(@QueryParam("page") @DefaultValue("0") int page,
                                               @QueryParam("size") @DefaultValue("50") int size) {
        return deliveries.deadLetters(PageRequest.of(page, size));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Try a dead delivery again; one that was attempted is looked up at the provider first")
    @APIResponse(responseCode = "404", description = "DELIVERY_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "DELIVERY_NOT_DEAD",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"DELIVERY_NOT_FOUND", "DELIVERY_NOT_DEAD"})
    @APIResponse(responseCode = "200", description = "Queued for sending again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deliveries.DeadLetterView.class)))
    public Deliveries.DeadLetterView replay(@PathParam("id") UUID id) {
        return deliveries.replay(id);
    }
}
