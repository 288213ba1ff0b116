package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static cn.hkmo.eligibility.intake.IntakeViews.ApplicationView;
import static cn.hkmo.eligibility.intake.IntakeViews.NoticeView;

/** A citizen's own notices and accepted applications, found by the resident ID of the token. */
@Path("/api/v1/intake/my")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CITIZEN)
@Tag(name = "intake")
public class MyIntakeResource {

    private final Intake intake;
    private final Caller caller;

    public MyIntakeResource(Intake intake, Caller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @GET
    @Path("/notices")
    @Operation(summary = "My one-time notices (一次性告知): what to bring or correct")
    public List<NoticeView> notices() {
        return intake.notices(citizen());
    }

    @GET
    @Path("/notices/{noticeNo}")
    @Operation(summary = "One of my notices; someone else's is 404 NOTICE_NOT_FOUND")
    public NoticeView notice(@PathParam("noticeNo") String noticeNo) {
        return intake.notice(noticeNo, citizen());
    }

    @GET
    @Path("/applications")
    @Operation(summary = "My accepted applications with their receipt numbers")
    public List<ApplicationView> applications() {
        return intake.applications(citizen());
    }

    private ResidentId citizen() {
        return caller.residentId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
    }
}
