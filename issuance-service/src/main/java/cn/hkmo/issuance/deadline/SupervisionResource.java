package cn.hkmo.issuance.deadline;

import cn.hkmo.issuance.IssuanceConfig;
import cn.hkmo.issuance.casefile.Actors;
import cn.hkmo.kit.identity.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/cases")
@RolesAllowed("supervisor")
@Tag(name = "supervision", description = "Statutory deadlines: overdue, near deadline, extensions")
public class SupervisionResource {

    private final SupervisionService supervision;
    private final IssuanceConfig config;
    private final Caller caller;

    public SupervisionResource(SupervisionService supervision, IssuanceConfig config, Caller caller) {
        this.supervision = supervision;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Pending cases past their deadline, most overdue first")
    public List<DeadlineItem> overdue() {
        return supervision.overdue();
    }

    @GET
    @Path("/near-deadline")
    @Operation(summary = "Pending cases due within the next working days (default from configuration)")
    public List<DeadlineItem> nearDeadline(@QueryParam("workingDays") @Min(1) @Max(20) Integer workingDays) {
        return supervision.nearDeadline(workingDays != null ? workingDays : config.nearDeadline().workingDays());
    }

    @POST
    @Path("/{applicationNo}/extension")
    @Operation(summary = "Record an extension approved by the provincial bureau (up to 20 working days)")
    public DeadlineItem extend(@PathParam("applicationNo") String applicationNo, @NotNull @Valid ExtensionRequest request) {
        return supervision.extend(Actors.of(caller), applicationNo, request);
    }
}
