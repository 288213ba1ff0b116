package cn.hkmo.appointment.slot;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import cn.hkmo.appointment.CitizenCaller;
import cn.hkmo.appointment.booking.BookingService;
import cn.hkmo.appointment.booking.Citizen;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** The waitlist of full windows (verified citizens). */
@Path("/api/v1/waitlist")
@Authenticated
public class WaitlistResource {

    private final BookingService bookings;
    private final Waitlist waitlist;
    private final CitizenCaller citizens;

    public WaitlistResource(BookingService bookings, Waitlist waitlist, CitizenCaller citizens) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.citizens = citizens;
    }

    @POST
    @Operation(summary = "Wait for a place in a full window; a freed place is offered as a hold (event appointment.place-offered.v1)",
            description = "Refused like a booking (NO_SHOW_RESTRICTED, ACTIVE_BOOKING_EXISTS, BOOKING_LIMIT_REACHED), and with "
                    + "WAITLIST_LIMIT_REACHED past hkmo.appointment.limits.max-waitlist-entries (default 2) entries waiting or "
                    + "offered. A citizen holds at most one offer: a place freed while they hold one goes to the next in line.")
    public Response join(@NotNull @Valid WindowRequest request) {
        Citizen citizen = citizens.require();
        return Response.status(201).entity(bookings.joinWaitlist(citizens.owner(citizen), request, citizen.mobile())).build();
    }

    @GET
    public List<Waitlist.EntryView> mine() {
        return waitlist.mine(citizens.require().subject());
    }

    @DELETE
    @Path("{id}")
    public void leave(@PathParam("id") UUID id) {
        waitlist.leave(citizens.require().subject(), id);
    }
}
