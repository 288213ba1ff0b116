package cn.hkmo.appointment.it;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.Notice;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** appointment-service consumes {@code applications}: the counter's outcome marks the booking as served, once. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class ServedIT {

    private static final String BJ = "BJ-CHAOYANG";

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    @DisplayName("application.accepted delivered twice: the booking is SERVED with the application number, one effect")
    void acceptedTwice() {
        String no = checkedIn("zhangwei", "09:00");
        OffsetDateTime acceptedAt = OffsetDateTime.parse("2026-09-15T09:20:00+08:00");
        EventEnvelope accepted = EventEnvelope.of(ApplicationAccepted.TYPE, "/eligibility-service", "A202609151101050001",
                acceptedAt, new ApplicationAccepted("A202609151101050001", "R202609151101050001", no, BJ, "110105",
                        new Applicant("sub", "110105199003071239", "张伟", "13800000000", LocalDate.of(1990, 3, 7)),
                        ApplicationCategory.FIRST_APPLICATION, null, 10, List.of(), true, null,
                        new Delivery(CollectionMethod.HALL, null, null, null), "officer.bj", LocalDate.of(2026, 9, 15), acceptedAt));
        send(accepted, accepted);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(accepted.id()));
        OffsetDateTime firstChange = QuarkusTransaction.requiringNew().call(() -> cn.hkmo.appointment.booking.Booking
                .<cn.hkmo.appointment.booking.Booking>findById(no).updatedAt);

        // a correction notice from before the acceptance, arriving late (other key, other partition): the acceptance stays
        EventEnvelope lateNotice = correction(no, "N202609151101050001", acceptedAt.minusMinutes(10));
        send(accepted, lateNotice);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(lateNotice.id()));

        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings/" + no).then().statusCode(200)
                .body("status", equalTo("SERVED"))
                .body("checkInCode", nullValue())
                .body("outcome.kind", equalTo("ACCEPTED"))
                .body("outcome.applicationNo", equalTo("A202609151101050001"))
                .body("outcome.receiptNo", equalTo("R202609151101050001"))
                .body("outcome.at", equalTo("2026-09-15T09:20:00+08:00"));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings").then().statusCode(200)
                .body("items.find { it.bookingNo == '" + no + "' }.outcome.applicationNo", equalTo("A202609151101050001"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> cn.hkmo.appointment.booking.Booking
                .<cn.hkmo.appointment.booking.Booking>findById(no).updatedAt)).as("redelivery: no second effect")
                .isEqualTo(firstChange);
        assertThat(inboxRows(accepted.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("a poison record goes to applications.dlq and the next record is still applied")
    void poisonToTheDeadLetterTopic() {
        String corrected = checkedIn("zhangwei", "09:00");
        String refused = checkedIn("lina", "09:30");
        String poison = "not an event " + UUID.randomUUID();
        EventEnvelope notice = correction(corrected, "N202609151101050002", OffsetDateTime.parse("2026-09-15T09:25:00+08:00"));
        EventEnvelope notAccepted = EventEnvelope.of(ApplicationNotAccepted.TYPE, "/eligibility-service", refused,
                OffsetDateTime.parse("2026-09-15T09:40:00+08:00"), new ApplicationNotAccepted(refused, "sub", BJ, "OUTSIDE_REMIT",
                        "G: 个人旅游签注须在户籍地办理", "officer.bj", OffsetDateTime.parse("2026-09-15T09:40:00+08:00")));
        // the same key: the poison record sits in front of the notice in its partition
        sendRaw(corrected, poison);
        send(notice, notAccepted);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(notice.id()) && processed(notAccepted.id()));
        given().auth().oauth2(Fixtures.token("zhangwei")).get("/api/v1/bookings/" + corrected).then().statusCode(200)
                .body("status", equalTo("SERVED"))
                .body("outcome.kind", equalTo("CORRECTION_REQUESTED"))
                .body("outcome.noticeNo", equalTo("N202609151101050002"));
        given().auth().oauth2(Fixtures.token("lina")).get("/api/v1/bookings/" + refused).then().statusCode(200)
                .body("status", equalTo("SERVED"))
                .body("outcome.kind", equalTo("NOT_ACCEPTED"))
                .body("outcome.reasonCode", equalTo("OUTSIDE_REMIT"));

        ConsumerRecord<String, String> dead = readDeadLetter(poison);
        assertThat(dead.key()).isEqualTo(corrected);
        assertThat(dead.headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.APPLICATIONS);
    }

    /** Booked at BJ-CHAOYANG on Tuesday and checked in by the hall's officer. */
    private String checkedIn(String user, String window) {
        clock.reset();
        var form = Fixtures.form(BJ, Fixtures.TUESDAY, window);
        if (!"zhangwei".equals(user)) {
            form.put("hukouRegion", "310104");
            form.put("nonHukouNoticeAccepted", true);
        }
        String no = BookingApiIT.bookOk(user, form);
        clock.set(ZonedDateTime.of(2026, 9, 15, Integer.parseInt(window.substring(0, 2)), Integer.parseInt(window.substring(3)), 0, 0,
                TestClock.ZONE).minusMinutes(10));
        given().auth().oauth2(Fixtures.token("officer.bj")).contentType(ContentType.JSON).body(Map.of("bookingNo", no))
                .post("/api/v1/officer/check-ins").then().statusCode(200);
        return no;
    }

    private static EventEnvelope correction(String bookingNo, String noticeNo, OffsetDateTime issuedAt) {
        return EventEnvelope.of(CorrectionRequested.TYPE, "/eligibility-service", bookingNo, issuedAt, new CorrectionRequested(noticeNo,
                bookingNo, "sub", BJ, List.of(new Notice("MISSING:PHOTO", "缺少: 照片")), "officer.bj", issuedAt));
    }

    private void send(EventEnvelope... envelopes) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (EventEnvelope envelope : envelopes) {
                producer.send(new ProducerRecord<>(Topics.APPLICATIONS, envelope.subject(), envelope.toJson())).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendRaw(String key, String value) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.APPLICATIONS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private ConsumerRecord<String, String> readDeadLetter(String value) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "served-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.APPLICATIONS)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (value.equals(record.value())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private boolean processed(String eventId) {
        return inboxRows(eventId) == 1;
    }

    private int inboxRows(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where event_id = :id and consumer = 'appointment-served'")
                .setParameter("id", eventId).getSingleResult()).intValue());
    }
}
