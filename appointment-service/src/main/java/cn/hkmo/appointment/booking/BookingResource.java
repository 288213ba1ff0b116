package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.CitizenCaller;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.Raises;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;

/** The citizen's bookings (verified citizens, or a partner holding a citizen's grant with scope "booking"). */
@Path("/api/v1/bookings")
@Authenticated
// Every operation starts with CitizenCaller.require(): a partner without the citizen's "booking" grant, an identity
// without the real-person check.
@Raises({"PARTNER_NOT_AUTHORISED", "IDENTITY_NOT_VERIFIED"})
public class BookingResource {

    private final BookingService bookings;
    private final CitizenCaller citizens;
    private final IdempotencyKeys idempotencyKeys;

    public BookingResource(BookingService bookings, CitizenCaller citizens, IdempotencyKeys idempotencyKeys) {
        this.bookings = bookings;
        this.citizens = citizens;
        this.idempotencyKeys = idempotencyKeys;
    }

    @POST
    @Path("review")
    @Operation(summary = "Review step: validate the form and show what submit would book, without booking")
    @Raises({"HALL_NOT_FOUND", "FIELD_REQUIRED", "INVALID_MOBILE", "INVALID_REGION", "DOCUMENT_TYPE_NOT_HANDLED",
            "CATEGORY_NOT_HANDLED", "ENDORSEMENT_NOT_HANDLED", "FAMILY_VISIT_NOT_T", "NON_HUKOU_NOTICE_REQUIRED", "INVALID_RESIDENT_ID",
            "WINDOW_NOT_OFFERED", "WINDOW_IN_PAST", "WINDOW_OUTSIDE_HORIZON", "WINDOW_TOO_SOON", "HALL_CLOSED"})
    public BookingView review(@NotNull BookingRequest request) {
        return bookings.review(citizens.require(), request);
    }

    @POST
    @Transactional
    @Operation(summary = "Submit: book the window (or the held place); the same Idempotency-Key replays the first response")
    @APIResponse(responseCode = "201", description = "Booked (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @Raises({"HALL_NOT_FOUND", "FIELD_REQUIRED", "INVALID_MOBILE", "INVALID_REGION", "DOCUMENT_TYPE_NOT_HANDLED",
            "CATEGORY_NOT_HANDLED", "ENDORSEMENT_NOT_HANDLED", "FAMILY_VISIT_NOT_T", "NON_HUKOU_NOTICE_REQUIRED", "INVALID_RESIDENT_ID",
            "WINDOW_NOT_OFFERED", "WINDOW_IN_PAST", "WINDOW_OUTSIDE_HORIZON", "WINDOW_TOO_SOON", "HALL_CLOSED",
            "HOLD_NOT_FOUND", "SLOT_FULL", "HOLD_EXPIRED", "ACTIVE_BOOKING_EXISTS", "NO_SHOW_RESTRICTED",
            "BOOKING_LIMIT_REACHED"})
    public Response book(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @NotNull BookingRequest request) {
        Citizen citizen = citizens.require();
        return idempotencyKeys.execute("book", idempotencyKey, citizen.subject(), request, 201, BookingView.class,
                () -> bookings.book(citizen, citizens.owner(citizen), citizens.actingClient().orElse(null), request)).toResponse();
    }

    @GET
    @Operation(summary = "My appointments (我的预约), newest first")
    public Page<BookingView> mine(@QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("20") int size) {
        return bookings.mine(citizens.require().subject(), PageRequest.of(page, size));
    }

    @GET
    @Path("standing")
    @Operation(summary = "My booking standing (预约资格): the no-shows that count and an online-booking restriction, until when",
            description = "After repeated no-shows online booking is refused (NO_SHOW_RESTRICTED) until `bookableFrom`, the "
                    + "start of the day after `restrictedUntil` in business time (+08:00). Settings hkmo.appointment.no-show.*")
    public BookingStanding standing() {
        return bookings.standing(citizens.owner(citizens.require()));
    }

    @GET
    @Path("{no}")
    @Raises("BOOKING_NOT_FOUND")
    public BookingView get(@PathParam("no") String bookingNo) {
        return bookings.get(citizens.require().subject(), bookingNo);
    }

    @GET
    @Path("{no}.ics")
    @Produces("text/calendar")
    @Operation(summary = "The booking as an iCalendar file, with a reminder the day before")
    @APIResponse(responseCode = "200", description = "An RFC 5545 calendar with one event, offered as a download",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @Raises("BOOKING_NOT_FOUND")
    public Response calendar(@PathParam("no") String bookingNo) {
        return Response.ok(bookings.calendarFile(citizens.require().subject(), bookingNo))
                .header("Content-Disposition", "attachment; filename=\"" + bookingNo + ".ics\"").build();
    }

    @POST
    @Path("{no}/cancel")
    @Transactional
    @Operation(summary = "Cancel; with an Idempotency-Key a retry replays the first answer instead of BOOKING_NOT_ACTIVE")
    @APIResponse(responseCode = "200", description = "Cancelled (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @Raises({"BOOKING_NOT_FOUND", "BOOKING_NOT_ACTIVE", "CUT_OFF_PASSED"})
    public Response cancel(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @PathParam("no") String bookingNo) {
        String subject = citizens.require().subject();
        return idempotencyKeys.executeIfKeyed("cancel", idempotencyKey, subject, Map.of("bookingNo", bookingNo), 200,
                BookingView.class, () -> bookings.cancel(subject, bookingNo)).toResponse();
    }

    @POST
    @Path("{no}/reschedule")
    @Transactional
    @Operation(summary = "Move to another window in one step: the old place is released only if the new one is taken; "
            + "with an Idempotency-Key a retry replays the first answer")
    @APIResponse(responseCode = "200", description = "Moved (or the first answer replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @Raises({"BOOKING_NOT_FOUND", "HALL_NOT_FOUND", "HOLD_NOT_FOUND", "FIELD_REQUIRED", "CATEGORY_NOT_HANDLED",
            "NON_HUKOU_NOTICE_REQUIRED", "WINDOW_NOT_OFFERED", "WINDOW_IN_PAST", "WINDOW_OUTSIDE_HORIZON",
            "WINDOW_TOO_SOON", "HALL_CLOSED", "BOOKING_NOT_ACTIVE", "CUT_OFF_PASSED", "SLOT_FULL", "HOLD_EXPIRED"})
    public Response reschedule(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @PathParam("no") String bookingNo,
                               @NotNull BookingService.RescheduleRequest request) {
        String subject = citizens.require().subject();
        return idempotencyKeys.executeIfKeyed("reschedule", idempotencyKey, subject,
                Map.of("bookingNo", bookingNo, "to", request), 200, BookingView.class,
                () -> bookings.reschedule(subject, bookingNo, request)).toResponse();
    }
}
