package cn.hkmo.issuance.review;

import cn.hkmo.issuance.RetriedWrites;
import cn.hkmo.issuance.casefile.AccessAnswers;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.Actors;
import cn.hkmo.kit.document.IssuedDocuments;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/cases")
@Tag(name = "review", description = "Review queue and decisions (审批)")
public class ReviewResource {

    private final ReviewService reviews;
    private final RetriedWrites writes;
    private final Caller caller;

    public ReviewResource(ReviewService reviews, RetriedWrites writes, Caller caller) {
        this.reviews = reviews;
        this.writes = writes;
        this.caller = caller;
    }

    @GET
    @Path("/review-queue")
    @RolesAllowed({"reviewer", "supervisor"})
    @Operation(summary = "Undecided cases of the reviewer's province: urgent first, then by deadline; filter by hall")
    public Page<ReviewItem> queue(@QueryParam("hallId") String hallId,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("20") int size) {
        return reviews.queue(Actors.of(caller), hallId, PageRequest.of(page, size));
    }

    @POST
    @Path("/{applicationNo}/approval")
    @RolesAllowed({"reviewer", "supervisor"})
    @Operation(summary = "Approve; the permit is issued once the fees are paid",
            description = RetriedWrites.SAFE_TO_RETRY + " Without a key a repeat is a 409 CASE_ALREADY_DECIDED (still one "
                    + "decision, one event).")
    @APIResponse(responseCode = "204", description = "Approved (or the replay of the approval)")
    @APIResponse(responseCode = "403", description = AccessAnswers.DECIDE_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "CASE_ALREADY_DECIDED: approved or refused before",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = RetriedWrites.KEY_REUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"CASE_NOT_FOUND", "OUT_OF_REVIEW_SCOPE", "CASE_ALREADY_DECIDED"})
    public Response approve(@PathParam("applicationNo") String applicationNo,
                            @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                            String idempotencyKey) {
        Actor reviewer = Actors.of(caller);
        return writes.run("approval", idempotencyKey, applicationNo, null, () -> reviews.approve(reviewer, applicationNo));
    }

    @POST
    @Path("/{applicationNo}/refusal")
    @RolesAllowed({"reviewer", "supervisor"})
    @Operation(summary = "Refuse with reasons; returns the decision document (不予批准决定书)",
            description = RetriedWrites.SAFE_TO_RETRY + " Without a key a repeat is a 409 CASE_ALREADY_DECIDED (still one "
                    + "decision document, one event).")
    @APIResponse(responseCode = "201", description = "The decision document (or its replay)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DecisionDocument.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no reasons, or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessAnswers.DECIDE_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "CASE_ALREADY_DECIDED: approved or refused before",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = RetriedWrites.KEY_REUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"CASE_NOT_FOUND", "OUT_OF_REVIEW_SCOPE", "CASE_ALREADY_DECIDED"})
    public Response refuse(@PathParam("applicationNo") String applicationNo,
                           @Parameter(description = RetriedWrites.KEY) @HeaderParam(IdempotencyKeys.HEADER)
                           String idempotencyKey,
                           @NotNull RefusalRequest request) {
        Actor reviewer = Actors.of(caller);
        return writes.run("refusal", idempotencyKey, applicationNo, request, 201, DecisionDocument.class,
                () -> reviews.refuse(reviewer, applicationNo, request));
    }

    @GET
    @Path("/{applicationNo}/refusal")
    @RolesAllowed({"citizen", "officer", "reviewer", "supervisor", "admin"})
    @Operation(summary = "The refusal decision document, for the applicant and the staff of the case",
            description = "`refund` states what becomes of the fee: what was paid goes back in full (fee-service starts "
                    + "the refund when it reads the refusal). `REFUND_UNDER_WAY` with `dueFen` until the payment platform, "
                    + "or the hall's cashier for a counter payment, has paid it back, then `REFUNDED`; `NOTHING_PAID` when "
                    + "no fee was paid.")
    @APIResponse(responseCode = "200", description = "The decision document")
    @APIResponse(responseCode = "403", description = AccessAnswers.READ_403,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (" + AccessAnswers.READ_404
            + "), or DECISION_DOCUMENT_NOT_FOUND: the case was not refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises({"PARTNER_NOT_AUTHORISED", "CASE_NOT_FOUND", "OTHER_HALL", "OUT_OF_REVIEW_SCOPE", "DECISION_DOCUMENT_NOT_FOUND"})
    public DecisionDocument decisionDocument(@PathParam("applicationNo") String applicationNo) {
        return reviews.decisionDocument(Actors.of(caller), applicationNo);
    }

    @GET
    @Path("/{applicationNo}/refusal.pdf")
    @Produces(IssuedDocuments.PDF)
    @RolesAllowed({"citizen", "officer", "reviewer", "supervisor", "admin"})
    @Operation(summary = "The refusal decision document printed (PDF), for the applicant and the staff of the case",
            description = "Names the issuing authority (the exit-entry administration of the deciding province), the "
                    + "decision number, the applicant (resident ID masked), the reasons, the legal basis, the remedies "
                    + "and a verification code that anyone may check at GET /api/v1/verifications/refusal-decisions/{code}. "
                    + "Every print says what the first said. The same readers and refusals as GET "
                    + "/api/v1/cases/{applicationNo}/refusal.")
    @APIResponse(responseCode = "200", description = "The decision as an A4 PDF",
            content = @Content(mediaType = IssuedDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Raises({"PARTNER_NOT_AUTHORISED", "CASE_NOT_FOUND", "OTHER_HALL", "OUT_OF_REVIEW_SCOPE", "DECISION_DOCUMENT_NOT_FOUND"})
    public Response decisionPdf(@PathParam("applicationNo") String applicationNo) {
        return IssuedDocuments.pdf(reviews.printedDecision(Actors.of(caller), applicationNo));
    }
}
