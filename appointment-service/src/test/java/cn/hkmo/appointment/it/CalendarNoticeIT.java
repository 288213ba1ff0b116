package cn.hkmo.appointment.it;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
import cn.hkmo.contracts.issuance.CalendarNoticeLoaded.NoticeHoliday;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.calendar.StatutoryHolidays;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Halls follow the same calendar as the deadlines: in 2027, before its notice, they close on the statutory holidays
 * only; the notice issuance-service publishes (calendar.notice-loaded.v1) closes them on its extra days off and opens
 * them on its make-up Saturday, once however often it is delivered.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class CalendarNoticeIT {

    private static final String BJ = "BJ-CHAOYANG";

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    CalendarSource calendar;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void monday20September2027() {
        fixtures.reset();
        clock.set(ZonedDateTime.of(2027, 9, 20, 10, 0, 0, 0, TestClock.ZONE));
    }

    @AfterEach
    void withoutTheNotice() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from calendar_notice").executeUpdate();
            entityManager.createNativeQuery("delete from calendar_notice_audit").executeUpdate();
        });
        calendar.refresh();
        fixtures.reset();
    }

    @Test
    void a_notice_loaded_in_issuance_reaches_the_halls() {
        // statutory only: 1–3 Oct (Fri–Sun), given back Mon 4 and Tue 5; Thu 7 open, Sat 9 closed (the plan has no Saturday)
        assertThat(day("2027-10-04")).isEqualTo("closed PUBLIC_HOLIDAY");
        assertThat(day("2027-10-07")).isEqualTo("open");
        assertThat(day("2027-10-09")).isEqualTo("closed");

        EventEnvelope loaded = EventEnvelope.of(CalendarNoticeLoaded.TYPE, "/issuance-service", "2027",
                OffsetDateTime.parse("2027-09-20T09:00:00+08:00"), notice2027());
        send(loaded);
        send(loaded);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(day("2027-10-07")).isEqualTo("closed PUBLIC_HOLIDAY"));
        assertThat(day("2027-10-09")).as("the make-up Saturday").isEqualTo("open");
        assertThat(calendar.current().isPublished(2027)).isTrue();
        assertThat(((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from calendar_notice_audit where year = 2027").getSingleResult())).intValue())
                .as("delivered twice, stored once").isEqualTo(1);
    }

    /** The statutory days of 2027 with National Day made 1–7 October, Sun 26 Sep and Sat 9 Oct worked (a test notice). */
    private static CalendarNoticeLoaded notice2027() {
        List<NoticeHoliday> holidays = StatutoryHolidays.of(2027).stream()
                .map(h -> h.name().equals("国庆节")
                        ? new NoticeHoliday("国庆节", "National Day", LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 7),
                        List.of(LocalDate.of(2027, 9, 26), LocalDate.of(2027, 10, 9)))
                        : new NoticeHoliday(h.name(), h.nameEn(), h.from(), h.to(), h.makeUpWorkdays()))
                .toList();
        return new CalendarNoticeLoaded(2027, "测试用：2027年部分节假日安排（非真实通知）", holidays, "test", "admin",
                OffsetDateTime.parse("2027-09-20T09:00:00+08:00"));
    }

    /** A day outside the hall's plan is not listed at all: "closed". */
    private static String day(String date) {
        List<Map<String, Object>> days = given().get("/api/v1/availability?hallId=" + BJ + "&from=" + date + "&to=" + date)
                .then().statusCode(200).extract().path("days");
        if (days.isEmpty()) {
            return "closed";
        }
        Map<String, Object> day = days.get(0);
        assertThat(day.get("date")).isEqualTo(date);
        if (Boolean.TRUE.equals(day.get("open"))) {
            return "open";
        }
        return day.get("closureKind") == null ? "closed" : "closed " + day.get("closureKind");
    }

    private void send(EventEnvelope envelope) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ISSUANCE, envelope.subject(), envelope.toJson())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
