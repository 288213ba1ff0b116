package cn.hkmo.appointment.it;

import cn.hkmo.appointment.hall.HallService;
import cn.hkmo.appointment.hall.HallSnapshot;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The hall snapshot each instance keeps (issue 18) against changes made elsewhere: through this instance's admin API,
 * and by another instance's transaction, written here in SQL as that instance would. The snapshot is always warmed
 * first by a booking of another day, so a stale one would accept what the database forbids.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class HallSnapshotIT {

    private static final String HALL = "TS-SNAPSHOT";
    private static final LocalDate WEDNESDAY = Fixtures.TUESDAY.plusDays(1);

    @Inject
    Fixtures fixtures;
    @Inject
    HallService halls;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void reset() {
        fixtures.reset();
        fixtures.hall(HALL, 5);
        // warms this instance's snapshot of the hall under the booking's lock
        BookingApiIT.bookOk("lina", Fixtures.form(HALL, WEDNESDAY, "09:00"));
    }

    @Test
    void theSnapshotIsReusedUntilTheHallChanges() {
        HallSnapshot warmed = snapshot();
        assertThat(snapshot()).isSameAs(warmed);

        closeThroughTheAdminApi(Fixtures.TUESDAY, "设备检修");

        HallSnapshot changed = snapshot();
        assertThat(changed).isNotSameAs(warmed);
        assertThat(changed.revision()).isGreaterThan(warmed.revision());
        assertThat(changed.closures()).containsEntry(Fixtures.TUESDAY, "设备检修");
    }

    @Test
    void aClosureMadeThroughTheAdminApiRefusesTheDayAndItsReopeningAllowsItAgain() {
        closeThroughTheAdminApi(Fixtures.TUESDAY, "设备检修");

        BookingApiIT.book("zhangwei", UUID.randomUUID().toString(), Fixtures.form(HALL, Fixtures.TUESDAY, "09:00"))
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("HALL_CLOSED")).body("violations[0].field", equalTo("date"));
        given().auth().oauth2(Fixtures.token("liuyang")).contentType(ContentType.JSON)
                .body(Map.of("hallId", HALL, "date", Fixtures.TUESDAY.toString(), "windowStart", "09:00"))
                .post("/api/v1/holds").then().statusCode(422).body("code", equalTo("HALL_CLOSED"));
        assertThat(fixtures.bookings(HALL, Fixtures.TUESDAY, LocalTime.of(9, 0))).isZero();

        given().auth().oauth2(Fixtures.token("admin")).delete("/api/v1/admin/halls/" + HALL + "/closures/" + Fixtures.TUESDAY)
                .then().statusCode(204);
        BookingApiIT.bookOk("zhangwei", Fixtures.form(HALL, Fixtures.TUESDAY, "09:00"));
        assertThat(fixtures.bookings(HALL, Fixtures.TUESDAY, LocalTime.of(9, 0))).isEqualTo(1);
    }

    @Test
    void aClosureCommittedByAnotherInstanceIsSeenByTheNextBooking() {
        asAnotherInstance(() -> entityManager.createNativeQuery(
                        "insert into hall_closure (hall_id, closure_date, reason, created_at) values (:hall, :day, '停电', now())")
                .setParameter("hall", HALL).setParameter("day", Fixtures.TUESDAY).executeUpdate());

        BookingApiIT.book("zhangwei", UUID.randomUUID().toString(), Fixtures.form(HALL, Fixtures.TUESDAY, "09:00"))
                .statusCode(422).body("code", equalTo("HALL_CLOSED")).body("violations[0].field", equalTo("date"));
        given().get("/api/v1/availability?hallId=" + HALL + "&from=" + Fixtures.TUESDAY + "&to=" + Fixtures.TUESDAY).then()
                .statusCode(200).body("days[0].open", equalTo(false)).body("days[0].closedFor", equalTo("停电"));
        assertThat(fixtures.bookings(HALL, Fixtures.TUESDAY, LocalTime.of(9, 0))).isZero();
    }

    @Test
    void aCapacityChangedThroughTheAdminApiIsSeenByTheNextBooking() {
        Map<String, Object> hall = given().get("/api/v1/halls/" + HALL).then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = new HashMap<>((Map<String, Object>) hall.get("plan"));
        plan.put("capacityPerWindow", 1);
        Map<String, Object> body = new HashMap<>(hall);
        body.remove("distanceKm");
        body.put("plan", plan);
        given().auth().oauth2(Fixtures.token("admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/halls/" + HALL).then().statusCode(200);

        // a window nobody booked yet: its counter is created with the plan's capacity as the booking sees it
        BookingApiIT.bookOk("zhangwei", Fixtures.form(HALL, Fixtures.TUESDAY, "10:00"));
        BookingApiIT.book("liuyang", UUID.randomUUID().toString(), Fixtures.form(HALL, Fixtures.TUESDAY, "10:00"))
                .statusCode(409).body("code", equalTo("SLOT_FULL"));
        assertThat(fixtures.taken(HALL, Fixtures.TUESDAY, LocalTime.of(10, 0))).isEqualTo(1);
    }

    @Test
    void aCapacityChangedByAnotherInstanceIsSeenByTheNextBooking() {
        asAnotherInstance(() -> entityManager.createNativeQuery("update hall set capacity_per_window = 0 where id = :hall")
                .setParameter("hall", HALL).executeUpdate());

        BookingApiIT.book("zhangwei", UUID.randomUUID().toString(), Fixtures.form(HALL, Fixtures.TUESDAY, "10:00"))
                .statusCode(409).body("code", equalTo("SLOT_FULL"));
        assertThat(fixtures.taken(HALL, Fixtures.TUESDAY, LocalTime.of(10, 0))).isZero();
    }

    /** A change as another instance's transaction makes it: the hall exclusively, the change, the revision bumped. */
    private void asAnotherInstance(Runnable change) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select id from hall where id = :hall for update").setParameter("hall", HALL)
                    .getResultList();
            change.run();
            entityManager.createNativeQuery("update hall set revision = revision + 1 where id = :hall")
                    .setParameter("hall", HALL).executeUpdate();
        });
    }

    private void closeThroughTheAdminApi(LocalDate day, String reason) {
        given().auth().oauth2(Fixtures.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "reason", reason))
                .post("/api/v1/admin/halls/" + HALL + "/closures").then().statusCode(201);
    }

    private HallSnapshot snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> halls.snapshot(HALL));
    }
}
