package cn.hkmo.appointment.booking;

import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Hall staff: their own hall's day and check-in. The hall is the token's {@code hall_id}, never a parameter. The tag and
 * operation ids are those the published contract had before the class was renamed, so generated clients keep them (a
 * tag by {@code ref}, as the automatic one was: named on the operations, not declared in the document's tag list).
 */
@Path("/api/v1/officer")
@RolesAllowed(Caller.OFFICER)
@Tag(ref = "Officer Resource")
public class OfficerBookingResource {

    private final CheckInService checkIns;
    private final Caller caller;
    private final Clock clock;

    public OfficerBookingResource(CheckInService checkIns, Caller caller, Clock clock) {
        this.checkIns = checkIns;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("bookings")
    @Operation(operationId = "OfficerResource_day")
    public Page<CheckInService.DayEntry> day(@QueryParam("date") LocalDate date,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        return checkIns.day(hall(), date == null ? LocalDate.now(clock) : date,
                PageRequest.of(page, size, PageRequest.LONG_LIST_MAX_SIZE));
    }

    @POST
    @Path("check-ins")
    @Operation(operationId = "OfficerResource_checkIn")
    @Raises({"INVALID_CHECK_IN_CODE", "BOOKING_NOT_FOUND", "WRONG_HALL", "BOOKING_NOT_ACTIVE", "CHECK_IN_NOT_OPEN",
            "CHECK_IN_WINDOW_CLOSED"})
    public CheckInService.CheckedIn checkIn(@NotNull CheckInService.CheckInRequest request) {
        return checkIns.checkIn(caller.subject(), hall(), request);
    }

    private String hall() {
        return caller.hallId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
    }
}
