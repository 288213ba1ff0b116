package cn.hkmo.appointment.it;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.booking.BookingRequest;
import cn.hkmo.appointment.booking.BookingService;
import cn.hkmo.appointment.booking.Citizen;
import cn.hkmo.appointment.booking.DocumentType;
import cn.hkmo.appointment.slot.Owner;
import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rush: many citizens on one window of capacity k. Half of the 200 requests go through this instance's
 * booking service (its Agroal pool), the other half through a second, independent set of JDBC connections
 * running the booking transaction of the README: a second "instance" on the same database. A second packaged
 * application would prove nothing more about the database guarantee and costs a minute of the shared CPUs.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class RushIT {

    private static final String HALL = "TS-RUSH";
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Inject
    Fixtures fixtures;
    @Inject
    BookingService bookings;
    @Inject
    PersonalDataCipher cipher;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void twoHundredCitizensOnTenPlacesFromTwoInstances() throws Exception {
        fixtures.hall(HALL, 10);
        int n = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Citizen citizen = Fixtures.syntheticCitizen(i);
            attempts.add(i % 2 == 0 ? () -> {
                start.await();
                return viaService(citizen);
            } : () -> {
                start.await();
                return viaSecondInstance(citizen);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> results = new ArrayList<>();
            attempts.forEach(a -> results.add(pool.submit(a)));
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes.stream().filter("BOOKED"::equals)).hasSize(10);
            assertThat(outcomes.stream().filter("SLOT_FULL"::equals)).hasSize(n - 10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.taken(HALL, Fixtures.TUESDAY, NINE)).isEqualTo(10);
        assertThat(fixtures.bookings(HALL, Fixtures.TUESDAY, NINE)).isEqualTo(10);
    }

    @Test
    void realCitizensRushOverHttp() throws Exception {
        fixtures.hall("TS-SMALL", 2);
        List<String> users = List.of("zhangwei", "lina", "wangxiaoming", "liuyang");
        List<String> tokens = users.stream().map(Fixtures::token).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(Fixtures.form("TS-SMALL", Fixtures.TUESDAY, "09:00"))
                            .post("/api/v1/bookings").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : results) {
                statuses.add(r.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 201, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.taken("TS-SMALL", Fixtures.TUESDAY, NINE)).isEqualTo(2);
    }

    private String viaService(Citizen citizen) {
        try {
            bookings.book(citizen, new Owner(citizen.subject(), cipher.lookupHash(citizen.residentId())), null, request());
            return "BOOKED";
        } catch (ProblemException e) {
            return e.errorCode().code();
        }
    }

    /** The README's booking transaction, statement by statement, on a connection of its own. */
    private String viaSecondInstance(Citizen citizen) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "appointment", "appointment")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into slot_capacity (hall_id, slot_date, window_start, window_end, capacity, taken)
                    values (?, ?, ?, ?, 10, 0) on conflict do nothing""")) {
                insert.setString(1, HALL);
                insert.setObject(2, Fixtures.TUESDAY);
                insert.setObject(3, NINE);
                insert.setObject(4, NINE.plusMinutes(30));
                insert.executeUpdate();
            }
            try (PreparedStatement take = c.prepareStatement("""
                    update slot_capacity set taken = taken + 1
                    where hall_id = ? and slot_date = ? and window_start = ? and taken < capacity""")) {
                take.setString(1, HALL);
                take.setObject(2, Fixtures.TUESDAY);
                take.setObject(3, NINE);
                if (take.executeUpdate() == 0) {
                    c.rollback();
                    return AppointmentError.SLOT_FULL.code();
                }
            }
            String bookingNo = "YY260914" + String.format("%08d", Math.abs(citizen.subject().hashCode()) % 100_000_000) + "0";
            try (PreparedStatement booking = c.prepareStatement("""
                    insert into booking (booking_no, citizen_subject, citizen_hash, personal_data, hall_id, slot_date, window_start,
                        window_end, document_type, category, endorsements, hukou_region, non_hukou, delivery_method, status,
                        created_at, updated_at)
                    values (?, ?, ?, 'sealed', ?, ?, ?, ?, 'HK_MACAO_PERMIT', 'FIRST_APPLICATION', 'HK:G', '110105', false, 'HALL',
                        'BOOKED', ?, ?)""")) {
                OffsetDateTime now = OffsetDateTime.now();
                booking.setString(1, bookingNo);
                booking.setString(2, citizen.subject());
                booking.setString(3, cipher.lookupHash(citizen.residentId()));
                booking.setString(4, HALL);
                booking.setObject(5, Fixtures.TUESDAY);
                booking.setObject(6, NINE);
                booking.setObject(7, NINE.plusMinutes(30));
                booking.setObject(8, now);
                booking.setObject(9, now);
                booking.executeUpdate();
            }
            try (PreparedStatement outbox = c.prepareStatement("""
                    insert into outbox_event (event_id, topic, message_key, type, envelope, created_at)
                    values (?, 'appointments', ?, 'appointment.booked.v1', ?, now())""")) {
                EventEnvelope envelope = EventEnvelope.of(BookingBooked.TYPE, "/appointment-service", bookingNo,
                        OffsetDateTime.now(), Map.of("bookingNo", bookingNo));
                outbox.setObject(1, UUID.fromString(envelope.id()));
                outbox.setString(2, bookingNo);
                outbox.setString(3, envelope.toJson());
                outbox.executeUpdate();
            }
            c.commit();
            return "BOOKED";
        }
    }

    private static BookingRequest request() {
        return new BookingRequest("110105", HALL, Fixtures.TUESDAY, NINE, null, null, new EmergencyContact("张丽", "13912345678"),
                new Delivery(CollectionMethod.HALL, null, null, null), DocumentType.HK_MACAO_PERMIT,
                ApplicationCategory.FIRST_APPLICATION, List.of());
    }
}
