package cn.hkmo.appointment.booking;

import cn.hkmo.kit.problem.Raises;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import cn.hkmo.appointment.CitizenCaller;
import cn.hkmo.appointment.slot.Waitlist;
import cn.hkmo.appointment.slot.WindowRequest;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;
import java.util.UUID;

/** The waitlist of full windows (verified citizens). */
@Path("/api/v1/waitlist")
@Authenticated
// Every operation starts with CitizenCaller.require(): a partner without the citizen's "booking" grant, an identity
// without the real-person check.
@Raises({"PARTNER_NOT_AUTHORISED", "IDENTITY_NOT_VERIFIED"})
public class WaitlistResource {

    private final BookingService bookings;
    private final Waitlist waitlist;
    private final CitizenCaller citizens;
    private final IdempotencyKeys idempotencyKeys;

    public WaitlistResource(BookingService bookings, Waitlist waitlist, CitizenCaller citizens, IdempotencyKeys idempotencyKeys) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.citizens = citizens;
        this.idempotencyKeys = idempotencyKeys;
    }

    @POST
    @Operation(summary = "Wait for a place in a full window; a freed place is offered as a hold (event appointment.place-offered.v1)",
            description = "Refused like a booking (NO_SHOW_RESTRICTED, ACTIVE_BOOKING_EXISTS, BOOKING_LIMIT_REACHED), and with "
                    + "WAITLIST_LIMIT_REACHED past hkmo.appointment.limits.max-waitlist-entries (default 2) entries waiting or "
                    + "offered. A citizen holds at most one offer: a place freed while they hold one goes to the next in line. "
                    + "With an Idempotency-Key a retry replays the first answer.")
    @APIResponse(responseCode = "201", description = "Waiting (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Waitlist.EntryView.class)))
    @Transactional
    @Raises({"HALL_NOT_FOUND", "FIELD_REQUIRED", "WINDOW_NOT_OFFERED", "WINDOW_IN_PAST", "WINDOW_OUTSIDE_HORIZON",
            "WINDOW_TOO_SOON", "HALL_CLOSED", "SLOT_NOT_FULL", "ALREADY_WAITLISTED", "ACTIVE_BOOKING_EXISTS",
            "WAITLIST_LIMIT_REACHED", "NO_SHOW_RESTRICTED", "BOOKING_LIMIT_REACHED"})
    public Response join(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @NotNull @Valid WindowRequest request) {
        Citizen citizen = citizens.require();
        return idempotencyKeys.executeIfKeyed("waitlist-join", idempotencyKey, citizen.subject(), request, 201,
                Waitlist.EntryView.class,
                () -> bookings.joinWaitlist(citizens.owner(citizen), request, citizen.mobile())).toResponse();
    }

    @GET
    public Page<Waitlist.EntryView> mine(@QueryParam("page") @DefaultValue("0") int page,
                                         @QueryParam("size") @DefaultValue("20") int size) {
        return waitlist.mine(citizens.require().subject(), PageRequest.of(page, size));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Leave the waitlist; with an Idempotency-Key a retry replays the 204 instead of WAITLIST_ENTRY_NOT_FOUND")
    @APIResponse(responseCode = "204", description = "Left (or the first answer replayed)")
    @Raises("WAITLIST_ENTRY_NOT_FOUND")
    public Response leave(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @PathParam("id") UUID id) {
        String subject = citizens.require().subject();
        return idempotencyKeys.executeIfKeyed("waitlist-leave", idempotencyKey, subject, Map.of("entryId", id),
                () -> waitlist.leave(subject, id)).toResponse();
    }
}
