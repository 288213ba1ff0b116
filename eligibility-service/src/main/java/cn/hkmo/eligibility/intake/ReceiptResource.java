package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.document.IssuedDocuments;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hall reprints a receipt it issued (the counter hands it over after ACCEPTED). */
@Path("/api/v1/intake/applications")
@RolesAllowed({Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN})
@Tag(name = "intake")
public class ReceiptResource {

    /** The one description of the printed receipt, for the staff's and the citizen's operation. */
    static final String RECEIPT = "The acceptance receipt (受理回执) as an A4 PDF: the issuing authority (the exit-entry "
            + "administration of the hall's region), the receipt and application numbers, the applicant (resident ID "
            + "masked), what was accepted, when (Beijing time), and a verification code that anyone may check at "
            + "GET /api/v1/verifications/receipts/{code}. Issued with the acceptance; every print says what the first said.";

    private final Receipts receipts;
    private final Caller caller;

    public ReceiptResource(Receipts receipts, Caller caller) {
        this.receipts = receipts;
        this.caller = caller;
    }

    @GET
    @Path("/{applicationNo}/receipt.pdf")
    @Produces(IssuedDocuments.PDF)
    @Operation(summary = "Print the receipt of an application the officer's hall accepted", description = RECEIPT)
    @APIResponse(responseCode = "200", description = "The receipt",
            content = @Content(mediaType = IssuedDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "OTHER_HALL: an officer of another hall than the one that accepted "
            + "it (names only the number asked for and the officer's hall); FORBIDDEN: not hall staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"APPLICATION_NOT_FOUND", "OTHER_HALL"})
    public Response receipt(@PathParam("applicationNo") String applicationNo) {
        return IssuedDocuments.pdf(receipts.forStaff(applicationNo, caller));
    }
}
