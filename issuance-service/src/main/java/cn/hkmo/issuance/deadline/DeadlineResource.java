package cn.hkmo.issuance.deadline;

import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/v1/deadlines")
@PermitAll
@Tag(name = "deadlines", description = "The statutory issuing deadline for an acceptance date, to plan before booking")
public class DeadlineResource {

    private final DeadlineQueries queries;

    public DeadlineResource(DeadlineQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(operationId = "estimateDeadline", summary = "By when is an application accepted on this day issued?",
            description = "7 working days at the hukou office, 20 days elsewhere (FAQ Q51–Q52). Working days follow the State "
                    + "Council holiday notice of each year; a year whose notice is not out yet counts only the statutory "
                    + "holidays, and the answer says it is provisional.")
    @APIResponse(responseCode = "200", description = "The due date, its rule and legal source, and what the calendar rests on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadlineEstimate.class)))
    @APIResponse(responseCode = "400", description = "MALFORMED_REQUEST or VALIDATION_FAILED: no or a malformed acceptanceDate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "CALENDAR_YEAR_UNKNOWN: a year the calendar cannot cover",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises("CALENDAR_YEAR_UNKNOWN")
    public DeadlineEstimate estimate(
            @Parameter(description = "The day the application is (or would be) accepted, e.g. 2027-09-29")
            @QueryParam("acceptanceDate") @NotNull LocalDate acceptanceDate,
            @Parameter(description = "Accepted at the exit-entry office of the applicant's hukou")
            @QueryParam("hukouOffice") @DefaultValue("true") boolean hukouOffice,
            @Parameter(description = "An urgent case (急事急办)") @QueryParam("urgent") @DefaultValue("false") boolean urgent) {
        return queries.estimate(acceptanceDate, hukouOffice, urgent);
    }
}
