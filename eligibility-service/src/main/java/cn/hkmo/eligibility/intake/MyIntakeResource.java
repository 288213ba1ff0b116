package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.document.IssuedDocuments;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import static cn.hkmo.eligibility.intake.IntakeViews.ApplicationView;
import static cn.hkmo.eligibility.intake.IntakeViews.NoticeView;

/**
 * A citizen's own notices and accepted applications, found by the resident ID of the token; a partner acting for
 * the citizen needs the citizen's {@code booking} consent ({@link IntakeAccess}).
 */
@Path("/api/v1/intake/my")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CITIZEN)
@Tag(name = "intake")
@Raises("PARTNER_NOT_AUTHORISED")
public class MyIntakeResource {

    private static final String PARTNER_403 =
            "FORBIDDEN: not a citizen; PARTNER_NOT_AUTHORISED: a partner acting for the citizen without the `booking` consent";

    private final IntakeQueries intake;
    private final Receipts receipts;
    private final Caller caller;

    public MyIntakeResource(IntakeQueries intake, Receipts receipts, Caller caller) {
        this.intake = intake;
        this.receipts = receipts;
        this.caller = caller;
    }

    @GET
    @Path("/notices")
    @Operation(summary = "My one-time notices (一次性告知): what to bring or correct")
    @APIResponse(responseCode = "200", description = "The notices")
    @APIResponse(responseCode = "403", description = PARTNER_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<NoticeView> notices(@QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("20") int size) {
        return intake.notices(citizen(), PageRequest.of(page, size));
    }

    @GET
    @Path("/notices/{noticeNo}")
    @Operation(summary = "One of my notices; someone else's is 404 NOTICE_NOT_FOUND")
    @APIResponse(responseCode = "200", description = "The notice")
    @APIResponse(responseCode = "403", description = PARTNER_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "NOTICE_NOT_FOUND: no such notice, or another citizen's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises("NOTICE_NOT_FOUND")
    public NoticeView notice(@PathParam("noticeNo") String noticeNo) {
        return intake.notice(noticeNo, citizen());
    }

    @GET
    @Path("/applications")
    @Operation(summary = "My accepted applications with their receipt numbers")
    @APIResponse(responseCode = "200", description = "The applications")
    @APIResponse(responseCode = "403", description = PARTNER_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ApplicationView> applications(@QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("20") int size) {
        return intake.applications(citizen(), PageRequest.of(page, size));
    }

    @GET
    @Path("/applications/{applicationNo}/receipt.pdf")
    @Produces(IssuedDocuments.PDF)
    @Operation(summary = "Print my acceptance receipt; someone else's is 404 APPLICATION_NOT_FOUND",
            description = ReceiptResource.RECEIPT)
    @APIResponse(responseCode = "200", description = "The receipt",
            content = @Content(mediaType = IssuedDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = PARTNER_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises("APPLICATION_NOT_FOUND")
    public Response receipt(@PathParam("applicationNo") String applicationNo) {
        return IssuedDocuments.pdf(receipts.forCitizen(applicationNo, citizen()));
    }

    private ResidentId citizen() {
        return IntakeAccess.citizen(caller);
    }
}
