package cn.hkmo.appointment.it;

import cn.hkmo.appointment.booking.BookingJobs;
import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The journeys around a booking: hold, waitlist, closure, reschedule, check-in, no-show, reminders; events on the topic. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class JourneyIT {

    private static final String BJ = "BJ-CHAOYANG";
    private static final List<EventEnvelope> EVENTS = new CopyOnWriteArrayList<>();
    private static KafkaConsumer<String, String> consumer;

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    BookingJobs jobs;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @AfterAll
    static void closeConsumer() {
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void aHeldPlaceIsBookedWithItsHoldAndEmitsBooked() {
        String hold = given().auth().oauth2(Fixtures.token("zhangwei")).contentType(ContentType.JSON)
                .body(Map.of("hallId", BJ, "date", "2026-09-15", "windowStart", "09:00"))
                .post("/api/v1/holds").then().statusCode(201).extract().path("id");
        given().get("/api/v1/availability?hallId=" + BJ + "&from=2026-09-15&to=2026-09-15").then()
                .body("days[0].windows[0].remaining", equalTo(9));

        var form = Fixtures.form(BJ, Fixtures.TUESDAY, "09:00");
        form.put("holdId", hold);
        String no = BookingApiIT.bookOk("zhangwei", form);

        assertThat(fixtures.taken(BJ, Fixtures.TUESDAY, java.time.LocalTime.of(9, 0))).isEqualTo(1);
        EventEnvelope booked = awaitEvent(no, "appointment.booked.v1");
        assertThat(booked.data().path("applicant").path("residentId").asText()).isEqualTo("110105199003071239");
        assertThat(booked.data().path("applicant").path("name").asText()).isEqualTo("张伟");
        assertThat(booked.data().path("hallRegion").asText()).as("the hall's district travels with the booking").isEqualTo("110105");
    }

    @Test
    void aCancelledPlaceIsOfferedToTheWaitlistNeverOverbooked() {
        fixtures.hall("TS-WAIT", 1);
        String no = BookingApiIT.bookOk("zhangwei", Fixtures.form("TS-WAIT", Fixtures.TUESDAY, "09:00"));
        String lina = Fixtures.token("lina");
        given().auth().oauth2(lina).contentType(ContentType.JSON)
                .body(Map.of("hallId", "TS-WAIT", "date", "2026-09-15", "windowStart", "09:00"))
                .post("/api/v1/waitlist").then().statusCode(201).body("status", equalTo("WAITING"));

        given().auth().oauth2(Fixtures.token("zhangwei")).post("/api/v1/bookings/" + no + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        // the offer says until when it is kept (hkmo.appointment.offer-ttl, 30 min from 10:00 in Beijing), and reads as her hold
        String offer = given().auth().oauth2(lina).get("/api/v1/waitlist").then().statusCode(200)
                .body("items[0].status", equalTo("OFFERED")).body("total", equalTo(1)).body("items[0].offerExpiresAt", equalTo("2026-09-14T10:30:00+08:00"))
                .extract().path("items[0].offeredHoldId");
        given().auth().oauth2(lina).get("/api/v1/holds/" + offer).then().statusCode(200)
                .body("kind", equalTo("OFFER")).body("status", equalTo("ACTIVE")).body("hallId", equalTo("TS-WAIT"))
                .body("expiresAt", equalTo("2026-09-14T10:30:00+08:00"));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/holds/" + offer).then().statusCode(404)
                .body("code", equalTo("HOLD_NOT_FOUND"));
        // the place went to lina, not back to the pool: still full for everybody else
        BookingApiIT.book("liuyang", UUID.randomUUID().toString(), Fixtures.form("TS-WAIT", Fixtures.TUESDAY, "09:00"))
                .statusCode(409).body("code", equalTo("SLOT_FULL"));
        awaitEvent(offer, "appointment.place-offered.v1");

        var form = Fixtures.form("TS-WAIT", Fixtures.TUESDAY, "09:00");
        form.put("hukouRegion", "310104");
        form.put("nonHukouNoticeAccepted", true);
        form.put("holdId", offer);
        BookingApiIT.book("lina", UUID.randomUUID().toString(), form).statusCode(201);
        assertThat(fixtures.taken("TS-WAIT", Fixtures.TUESDAY, java.time.LocalTime.of(9, 0))).isEqualTo(1);
        awaitEvent(no, "appointment.cancelled.v1");
    }

    @Test
    void aClosureCancelsTheDaysBookingsWithEventsAndPriority() {
        String no = BookingApiIT.bookOk("liuyang", Fixtures.form(BJ, LocalDate.of(2026, 9, 16), "09:00"));
        given().auth().oauth2(Fixtures.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-09-16", "reason", "系统升级"))
                .post("/api/v1/admin/halls/" + BJ + "/closures").then().statusCode(201)
                .body("cancelledBookings[0]", equalTo(no));

        given().auth().oauth2(Fixtures.token("liuyang")).get("/api/v1/bookings/" + no).then()
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("HALL_CLOSED"));
        given().get("/api/v1/availability?hallId=" + BJ + "&from=2026-09-16&to=2026-09-16").then()
                .body("days[0].open", equalTo(false)).body("days[0].closedFor", equalTo("系统升级"));
        BookingApiIT.book("liuyang", UUID.randomUUID().toString(), Fixtures.form(BJ, LocalDate.of(2026, 9, 16), "10:00"))
                .statusCode(422).body("code", equalTo("HALL_CLOSED"));
        awaitEvent(no, "appointment.cancelled.v1");
        EventEnvelope closed = awaitEvent(BJ, "appointment.hall-closed.v1");
        assertThat(closed.data().path("cancelledBookings").get(0).asText()).isEqualTo(no);
        assertThat(((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from priority_rebook where source_booking_no = :no").setParameter("no", no)
                .getSingleResult())).intValue()).isEqualTo(1);
        given().auth().oauth2(Fixtures.token("officer.bj")).get("/api/v1/officer/bookings?date=2026-09-16").then()
                .statusCode(200).body("total", equalTo(0));
        // the list of closures still shows whom the closure cancelled
        given().auth().oauth2(Fixtures.token("admin")).get("/api/v1/admin/halls/" + BJ + "/closures").then()
                .statusCode(200).body("items.find { it.date == '2026-09-16' }.cancelledBookings", equalTo(List.of(no)));
    }

    @Test
    void aRescheduleMovesThePlaceAndInvalidatesTheOldCode() {
        String zhangwei = Fixtures.token("zhangwei");
        String no = BookingApiIT.bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        String oldCode = given().auth().oauth2(zhangwei).get("/api/v1/bookings/" + no).then().extract().path("checkInCode");

        String newCode = given().auth().oauth2(zhangwei).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-09-16", "windowStart", "14:00"))
                .post("/api/v1/bookings/" + no + "/reschedule").then().statusCode(200)
                .body("date", equalTo("2026-09-16")).body("checkInCode", not(equalTo(oldCode))).extract().path("checkInCode");
        assertThat(fixtures.taken(BJ, Fixtures.TUESDAY, java.time.LocalTime.of(9, 0))).isZero();
        assertThat(fixtures.taken(BJ, LocalDate.of(2026, 9, 16), java.time.LocalTime.of(14, 0))).isEqualTo(1);
        assertThat(awaitEvent(no, "appointment.rescheduled.v1").data().path("hallRegion").asText()).isEqualTo("110105");

        clock.set(ZonedDateTime.of(2026, 9, 16, 13, 45, 0, 0, TestClock.ZONE));
        String officer = Fixtures.token("officer.bj");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("code", oldCode))
                .post("/api/v1/officer/check-ins").then().statusCode(422).body("code", equalTo("INVALID_CHECK_IN_CODE"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("code", newCode))
                .post("/api/v1/officer/check-ins").then().statusCode(200).body("residentId", equalTo("110105********1239"));
        awaitEvent(no, "appointment.checked-in.v1");
    }

    @Test
    void missedWindowsBecomeNoShowsAndThreeRestrictBooking() {
        String liuyang = Fixtures.token("liuyang");
        for (int day = 15; day <= 17; day++) {
            BookingApiIT.bookOk("liuyang", Fixtures.form(BJ, LocalDate.of(2026, 9, day), "09:00"));
            clock.set(ZonedDateTime.of(2026, 9, day, 9, 46, 0, 0, TestClock.ZONE));
            assertThat(QuarkusTransaction.requiringNew().call(jobs::recordNoShows)).isEqualTo(1);
        }
        given().auth().oauth2(liuyang).get("/api/v1/bookings").then().body("items[0].status", equalTo("NO_SHOW"));
        // the citizen can see the restriction and until when before filling in a form; the refusal says the same
        given().auth().oauth2(liuyang).get("/api/v1/bookings/standing").then().statusCode(200)
                .body("noShowDates", equalTo(List.of("2026-09-15", "2026-09-16", "2026-09-17")))
                .body("restricted", equalTo(true)).body("restrictedUntil", equalTo("2027-09-17"))
                .body("bookableFrom", equalTo("2027-09-18T00:00:00+08:00"));
        BookingApiIT.book("liuyang", UUID.randomUUID().toString(), Fixtures.form(BJ, LocalDate.of(2026, 9, 21), "09:00"))
                .statusCode(403).body("code", equalTo("NO_SHOW_RESTRICTED"))
                .body("detail", containsString("2027-09-18T00:00:00+08:00（北京时间）"));
        given().auth().oauth2(Fixtures.token("lina")).get("/api/v1/bookings/standing").then().statusCode(200)
                .body("restricted", equalTo(false)).body("bookableFrom", equalTo(null));
        // the waitlist is a way to a booking too: refused for the same reason, before the window is even looked at
        given().auth().oauth2(liuyang).contentType(ContentType.JSON)
                .body(Map.of("hallId", BJ, "date", "2026-09-21", "windowStart", "09:00"))
                .post("/api/v1/waitlist").then().statusCode(403).body("code", equalTo("NO_SHOW_RESTRICTED"));
    }

    @Test
    void oneCitizenCannotHoardPlacesThroughTheWaitlist() {
        fixtures.hall("TS-HOARD", 1);
        Map<String, String> holdOf = new HashMap<>();
        Map.of("zhangwei", "09:00", "liuyang", "09:30", "wangxiaoming", "10:00").forEach((user, window) -> holdOf.put(window,
                given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                        .body(Map.of("hallId", "TS-HOARD", "date", "2026-09-15", "windowStart", window))
                        .post("/api/v1/holds").then().statusCode(201).extract().path("id")));
        String lina = Fixtures.token("lina");
        String wangxiaoming = Fixtures.token("wangxiaoming");

        join(lina, "09:00").statusCode(201);
        join(lina, "09:30").statusCode(201);
        join(lina, "10:00").statusCode(409).body("code", equalTo("WAITLIST_LIMIT_REACHED"))
                .body("detail", equalTo("每人最多同时候补 2 个时段，请先退出其他候补。"));
        join(wangxiaoming, "09:30").statusCode(201);

        given().auth().oauth2(Fixtures.token("zhangwei")).delete("/api/v1/holds/" + holdOf.get("09:00")).then().statusCode(204);
        given().auth().oauth2(Fixtures.token("liuyang")).delete("/api/v1/holds/" + holdOf.get("09:30")).then().statusCode(204);

        // lina got the first freed place; the second went past her to the next in line, not to a second offer of hers
        given().auth().oauth2(lina).get("/api/v1/waitlist").then().statusCode(200)
                .body("items.findAll { it.status == 'OFFERED' }.windowStart", contains("09:00:00"))
                .body("items.findAll { it.status == 'WAITING' }.windowStart", contains("09:30:00"));
        given().auth().oauth2(wangxiaoming).get("/api/v1/waitlist").then().statusCode(200)
                .body("items.status", contains("OFFERED"));
        assertThat(fixtures.taken("TS-HOARD", Fixtures.TUESDAY, java.time.LocalTime.of(9, 30))).isEqualTo(1);

        // a citizen with an active booking is refused the waitlist as they would be a second booking
        BookingApiIT.bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "11:00"));
        join(Fixtures.token("zhangwei"), "10:00").statusCode(409).body("code", equalTo("ACTIVE_BOOKING_EXISTS"));
    }

    private static io.restassured.response.ValidatableResponse join(String token, String window) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("hallId", "TS-HOARD", "date", "2026-09-15", "windowStart", window))
                .post("/api/v1/waitlist").then();
    }

    @Test
    void remindersGoOutOnceADayAhead() {
        String no = BookingApiIT.bookOk("zhangwei", Fixtures.form(BJ, Fixtures.TUESDAY, "09:00"));
        clock.set(ZonedDateTime.of(2026, 9, 14, 8, 59, 0, 0, TestClock.ZONE));
        assertThat(jobs.emitReminders()).isZero();
        clock.set(ZonedDateTime.of(2026, 9, 14, 9, 0, 0, 0, TestClock.ZONE));
        assertThat(jobs.emitReminders()).isEqualTo(1);
        assertThat(jobs.emitReminders()).isZero();
        awaitEvent(no, "appointment.reminder-due.v1");
    }

    @Test
    void expiredHoldsAreSweptAndGiveTheirPlaceBack() {
        fixtures.hall("TS-HOLD", 1);
        given().auth().oauth2(Fixtures.token("zhangwei")).contentType(ContentType.JSON)
                .body(Map.of("hallId", "TS-HOLD", "date", "2026-09-15", "windowStart", "09:00"))
                .post("/api/v1/holds").then().statusCode(201).body("expiresAt", notNullValue());
        BookingApiIT.book("lina", UUID.randomUUID().toString(), Fixtures.form("TS-HOLD", Fixtures.TUESDAY, "09:00"))
                .statusCode(409).body("code", equalTo("SLOT_FULL"));
        clock.advance(Duration.ofMinutes(6));
        // availability already counts the expired hold as free, before any sweep
        given().get("/api/v1/availability?hallId=TS-HOLD&from=2026-09-15&to=2026-09-15").then()
                .body("days[0].windows[0].remaining", equalTo(1));
        var form = Fixtures.form("TS-HOLD", Fixtures.TUESDAY, "09:00");
        form.put("hukouRegion", "310104");
        form.put("nonHukouNoticeAccepted", true);
        BookingApiIT.book("lina", UUID.randomUUID().toString(), form).statusCode(201);
        assertThat(fixtures.taken("TS-HOLD", Fixtures.TUESDAY, java.time.LocalTime.of(9, 0))).isEqualTo(1);
    }

    private EventEnvelope awaitEvent(String key, String type) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            poll();
            assertThat(EVENTS).anyMatch(e -> e.subject().equals(key) && e.type().equals(type));
        });
        return EVENTS.stream().filter(e -> e.subject().equals(key) && e.type().equals(type)).findFirst().orElseThrow();
    }

    private void poll() {
        if (consumer == null) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "journey-test-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(Topics.APPOINTMENTS));
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            EventEnvelope envelope = EventEnvelope.parse(record.value());
            assertThat(record.key()).isEqualTo(envelope.subject());
            EVENTS.add(envelope);
        }
    }
}
