package cn.hkmo.issuance.calendar;

import cn.hkmo.kit.calendar.HolidayNotice;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.Raises;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/admin/calendar/notices")
@RolesAllowed("admin")
@Tag(name = "calendar", description = "The State Council holiday notices behind every working-day deadline")
public class AdminCalendarResource {

    private final CalendarService notices;
    private final Caller caller;

    public AdminCalendarResource(CalendarService notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listCalendarNotices", summary = "The holiday notices in force, one per year")
    public Page<JsonNode> inForce(@QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("100") int size) {
        // one notice a year, held in memory by the calendar
        return Page.of(PageRequest.of(page, size), notices.inForce().stream().<JsonNode>map(HolidayNotice::toJson).toList());
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "loadCalendarNotice", summary = "Load a year's State Council holiday notice",
            description = "Body: {\"year\", \"notice\" (title and date), \"holidays\": [{\"name\", \"nameEn\", \"from\", \"to\", "
                    + "\"makeUpWorkdays\": [...]}]}, the format of hkmo.calendar.file. Checked as the file is: dates, no day "
                    + "twice, make-up days on weekends, every statutory holiday of the year covered. Replaces the year's "
                    + "notice, recomputes every open provisional deadline (a timeline entry where the date moves) and tells "
                    + "the other services, in one transaction. The same notice again answers changed=false and writes nothing.")
    @APIResponse(responseCode = "200", description = "Loaded (or already loaded), with the deadlines it changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeLoaded.class)))
    @APIResponse(responseCode = "422", description = "CALENDAR_NOTICE_INVALID: one violation per problem; nothing is changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Raises("CALENDAR_NOTICE_INVALID")
    public NoticeLoaded load(@PathParam("year") int year, @NotNull JsonNode notice) {
        return notices.load(year, notice, caller.subject());
    }
}
