package cn.hkmo.issuance.review;

import cn.hkmo.kit.document.Verification;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anyone holding a printed refusal decision checks it here, by the code printed on it (no token needed). */
@Path("/api/v1/verifications/refusal-decisions")
@PermitAll
@Tag(name = Verification.TAG)
public class RefusalVerificationResource {

    private final ReviewService reviews;

    public RefusalVerificationResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Is this refusal decision genuine, and what does it certify?",
            description = Verification.ANSWERS)
    @Raises("DOCUMENT_NOT_FOUND")
    public Verification verify(@PathParam("code") String code) {
        return reviews.verify(code);
    }
}
