package cn.hkmo.appointment.slot;

import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.kit.problem.Raises;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;

/** Availability by day and window: public (anonymous and partner client credentials). */
@Path("/api/v1/availability")
@PermitAll
public class AvailabilityResource {

    private final AvailabilityService availability;

    public AvailabilityResource(AvailabilityService availability) {
        this.availability = availability;
    }

    @GET
    @Operation(summary = "Remaining places by day and window (at most 31 days); closed days say why")
    @Raises({"FIELD_REQUIRED", "HALL_NOT_FOUND"})
    public AvailabilityService.AvailabilityView get(@QueryParam("hallId") String hallId, @QueryParam("from") LocalDate from,
                                                    @QueryParam("to") LocalDate to) {
        if (hallId == null || hallId.isBlank()) {
            throw new ProblemException(AppointmentError.FIELD_REQUIRED)
                    .withViolation("hallId", AppointmentError.FIELD_REQUIRED);
        }
        return availability.availability(hallId, from, to);
    }
}
