package cn.hkmo.kit.support;

import cn.hkmo.kit.config.ClockProducer;
import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.outbox.TestTopics;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.problem.Raises;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test-only REST resources: what a service would write on top of the kit. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public class TestEndpoints {

    public record BookingRequest(@NotBlank String hallId, @Min(1) @Max(9) int people, Collection collection) {
    }

    /** An enum field, to see how an unknown constant is answered. */
    public enum Collection { HALL, EMS }

    public record BookingView(String bookingNo, String hallId, OffsetDateTime bookedAt) {
    }

    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    EntityManager entityManager;
    @Inject
    BookingGate gate;
    @Inject
    RoutingContext routingContext;

    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Raises("PEOPLE_TOO_MANY")
    public Response book(@Valid @NotNull BookingRequest request) {
        if (request.people() > 3) {
            throw new ProblemException(TestError.PEOPLE_TOO_MANY, 3).withViolation("people", TestError.PEOPLE_TOO_MANY, 3);
        }
        return Response.status(201).entity(new BookingView("B1", request.hallId(), OffsetDateTime.now(ClockProducer.BUSINESS_ZONE))).build();
    }

    @GET
    @Path("/slots/full")
    @PermitAll
    @Raises("SLOT_FULL")
    public String slotFull() {
        throw new ProblemException(TestError.SLOT_FULL, "北京朝阳", "2026-12-01");
    }

    @GET
    @Path("/boom")
    @PermitAll
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    /** What a blocking endpoint received, and whether its body had been read before the worker thread started. */
    public record BodyReceived(String hallId, int noteLength, boolean readBeforeTheWorker) {
    }

    public record NotedRequest(String hallId, String note) {
    }

    @POST
    @Path("/bodies")
    @PermitAll
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public BodyReceived body(NotedRequest request) {
        RequestBody read = routingContext.body();
        return new BodyReceived(request.hallId(), request.note() == null ? 0 : request.note().length(),
                read != null && read.buffer() != null);
    }

    /** Binds the text into a query, as a search by name would. */
    @GET
    @Path("/stored-text")
    @PermitAll
    @Transactional
    @Produces(MediaType.TEXT_PLAIN)
    public String storedText(@QueryParam("text") String text) {
        return (String) entityManager.createNativeQuery("select cast(:text as text)").setParameter("text", text).getSingleResult();
    }

    @GET
    @Path("/pages")
    @PermitAll
    public int page(@QueryParam("page") @DefaultValue("1") int page) {
        return page;
    }

    /** Publishes inside an HTTP request, so the outbox row carries the request's trace context. */
    @POST
    @Path("/outbox/{topic}/{key}")
    @Transactional
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String publish(@PathParam("topic") String topic, @PathParam("key") String key) {
        return TestTopics.append(outbox, topic, key, "test.marker.v1", Map.of("key", key)).id();
    }

    @GET
    @Path("/me")
    @Authenticated
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("subject", caller.subject());
        me.put("residentId", caller.residentId().map(id -> id.masked()).orElse(null));
        me.put("name", caller.name().orElse(null));
        me.put("mobile", caller.mobile().orElse(null));
        me.put("roles", caller.roles());
        me.put("citizen", caller.hasRole(Caller.CITIZEN));
        me.put("hallId", caller.hallId().orElse(null));
        me.put("reviewRegion", caller.reviewRegion().orElse(null));
        me.put("clientId", caller.clientId().orElse(null));
        me.put("scopes", caller.scopes());
        me.put("faceVerified", caller.faceVerified());
        me.put("actingForCitizen", caller.actingForCitizen());
        return me;
    }

    @GET
    @Path("/me/verified")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    @Raises("IDENTITY_NOT_VERIFIED")
    public String verifiedCitizen() {
        return caller.requireVerifiedCitizen().masked();
    }

    @GET
    @Path("/citizens-only")
    @RolesAllowed(Caller.CITIZEN)
    @Produces(MediaType.TEXT_PLAIN)
    public String citizensOnly() {
        return "ok";
    }

    /** Parameters of the kinds the services take, to see how one that is not of its type is answered. */
    @GET
    @Path("/collections/{id}")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String collection(@PathParam("id") UUID id, @QueryParam("collection") Collection collection,
                             @QueryParam("from") LocalDate from, @QueryParam("size") @DefaultValue("20") int size) {
        return id + " " + collection + " " + from + " " + size;
    }

    @GET
    @Path("/officers-only")
    @RolesAllowed(Caller.OFFICER)
    @Produces(MediaType.TEXT_PLAIN)
    public String officersOnly() {
        return "ok";
    }

    @POST
    @Path("/idempotent-bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermitAll
    public Response bookOnce(@HeaderParam(IdempotencyKeys.HEADER) String key, @HeaderParam("X-Test-Caller") String who,
                             @Valid @NotNull BookingRequest request) {
        return idempotencyKeys.execute("book", key, who, request, 201, BookingView.class, () -> {
            gate.pass();
            String bookingNo = "B" + UUID.randomUUID().toString().substring(0, 8);
            entityManager.createNativeQuery("insert into test_booking (booking_no, hall_id) values (:no, :hall)")
                    .setParameter("no", bookingNo).setParameter("hall", request.hallId()).executeUpdate();
            return new BookingView(bookingNo, request.hallId(), OffsetDateTime.now(ClockProducer.BUSINESS_ZONE));
        }).toResponse();
    }
}
