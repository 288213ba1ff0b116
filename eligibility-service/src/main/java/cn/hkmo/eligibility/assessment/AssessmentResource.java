package cn.hkmo.eligibility.assessment;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.Assessment;
import cn.hkmo.eligibility.rules.EligibilityRules;
import cn.hkmo.eligibility.rules.endorsement.EndorsementCatalogue;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.eligibility.rules.materials.MaterialsChecklist;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

/** Public questions: what may I apply for, on which terms, with what. */
@Path("/api/v1/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "eligibility", description = "Permit and endorsement rules, materials checklists")
public class AssessmentResource {

    public static final String CONFIGURABLE = " Configurable rules (docs/domain.md UNCONFIRMED/LOW, keys hkmo.eligibility.rules.*): "
            + "talent-letter (talent endorsement letter, default R); age-reference (day on which the 60+ family-visit age counts, "
            + "default APPLICATION_DATE); permit-margin.* (local 110/385-day permit margins, default off); "
            + "include-unconfirmed-cities (the 10 individual-visit cities no source confirms, default on); "
            + "state-employees-nationwide (registered state employees at any office, default on); "
            + "permit-number-pattern (C+8 card, W+8 booklet).";

    private final Assessor assessor;
    private final EligibilityRules rules;
    private final Caller caller;
    private final Clock clock;

    public AssessmentResource(Assessor assessor, EligibilityRules rules, Caller caller, Clock clock) {
        this.assessor = assessor;
        this.rules = rules;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/assessments")
    @Operation(summary = "Assess a request: what is allowed, on which terms, with which materials, where",
            description = "Anonymous callers get a generic answer for the residentId or birthDate they give; a logged-in "
                    + "citizen is assessed on the resident ID of their token. Each item says whether it is allowed and why not "
                    + "(rule id and source key), the endorsement options (validity, entries, stay), the permit validity and "
                    + "whether to renew first, the materials checklist (originals, copies, waivers), who must come and who may "
                    + "come instead, fingerprints, where to apply and the time limit. The rules in force on applicationDate "
                    + "(default today) apply." + CONFIGURABLE)
    @Raises({"APPLICANT_UNKNOWN", "INVALID_RESIDENT_ID"})
    public Assessment assess(@NotNull ApplicationBody body) {
        return assessor.assess(body, caller);
    }

    @GET
    @Path("/endorsement-types")
    @Operation(summary = "Endorsement types and the options each may be issued with",
            description = "By destination (HK, MO), type (T, S, L, G, D, Q, TALENT) and the condition that decides the "
                    + "options (relationship, age 60+, filing, scheme, talent category), on a date (default today)." + CONFIGURABLE)
    public Page<EndorsementCatalogue.Entry> endorsementTypes(@QueryParam("date") LocalDate date,
                                                             @QueryParam("page") @DefaultValue("0") int page,
                                                             @QueryParam("size") @DefaultValue("100") int size) {
        // the catalogue comes from the rules' configuration, not from a database
        return Page.of(PageRequest.of(page, size),
                new EndorsementCatalogue(rules.endorsementRules()).on(date != null ? date : LocalDate.now(clock)));
    }

    @GET
    @Path("/materials")
    @Operation(summary = "Materials checklist for a typical applicant",
            description = "What to bring for a category and an endorsement (for T: the relationship and the relative's "
                    + "status), for an applicant of the given age (default 30) holding a valid permit when the category is "
                    + "ENDORSEMENT_ONLY. For an exact list use POST /assessments." + CONFIGURABLE)
    public MaterialsChecklist materials(@QueryParam("category") @DefaultValue("ENDORSEMENT_ONLY") ApplicationCategory category,
                                        @QueryParam("destination") @DefaultValue("HK") Destination destination,
                                        @QueryParam("type") EndorsementType type,
                                        @QueryParam("relationship") @DefaultValue("PARENT") Relationship relationship,
                                        @QueryParam("relativeStatus") @DefaultValue("SETTLED") RelativeStatus relativeStatus,
                                        @QueryParam("age") @DefaultValue("30") @Min(0) @Max(150) int age) {
        LocalDate today = LocalDate.now(clock);
        return assessor.assess(TypicalApplication.of(category, destination, type, relationship, relativeStatus, age, today)).materials();
    }
}
