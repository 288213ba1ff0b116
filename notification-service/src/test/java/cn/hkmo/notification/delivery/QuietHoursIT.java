package cn.hkmo.notification.delivery;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.appointments.ReminderDue;
import cn.hkmo.notification.NotificationTestEvents;
import cn.hkmo.notification.sms.AliyunSms;
import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real quiet hours (22:00-08:00 business time) on a clock moved to 23:30 tonight: a reminder is held until 08:00,
 * an offer goes at once with the reason recorded.
 */
@QuarkusTest
@TestProfile(QuietHoursIT.HalfPastEleven.class)
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class QuietHoursIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static class HalfPastEleven implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ZonedDateTime now = ZonedDateTime.now(BEIJING);
            ZonedDateTime tonight = now.with(LocalTime.of(23, 30));
            return Map.of("hkmo.clock.offset", Duration.between(now, tonight.isAfter(now) ? tonight : tonight.plusDays(1)).toString(),
                    "hkmo.notification.quiet-hours.start", "22:00", "hkmo.notification.quiet-hours.end", "08:00");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Dispatcher dispatcher;

    @Inject
    java.time.Clock clock;

    private Delivery delivery(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("select d from Delivery d, "
                        + "Message m where d.messageId = m.id and m.eventId = :e and d.channel = :sms", Delivery.class)
                .setParameter("e", eventId).setParameter("sms", AliyunSms.NAME).getResultStream().findFirst().orElse(null));
    }

    private Delivery settled(String eventId, java.util.function.Predicate<Delivery> done) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            dispatcher.run();
            return delivery(eventId);
        }, d -> d != null && done.test(d));
    }

    @Test
    void aReminderIsHeldUntilEightAndAnOfferGoesWithItsReason() {
        String subject = "quiet-" + UUID.randomUUID();
        String phone = "137" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        EventEnvelope booked = NotificationTestEvents.booked("B" + UUID.randomUUID().toString().substring(0, 8), subject, phone);
        EventEnvelope reminder = EventEnvelope.of(ReminderDue.TYPE, "/appointment-service", "BQ1", OffsetDateTime.now(clock),
                new ReminderDue("BQ1", subject, "BJ-CHAOYANG", LocalDate.now(clock).plusDays(1), LocalTime.of(9, 0),
                        OffsetDateTime.now(clock).plusHours(9)));
        EventEnvelope offer = NotificationTestEvents.offered("H-" + UUID.randomUUID(), subject);
        // the booking names the mobile; the other events are keyed otherwise and may overtake it on another partition
        NotificationTestEvents.publish(Topics.APPOINTMENTS, booked);
        Delivery booking = settled(booked.id(), d -> d.reason != null);
        assertThat(booking.status).as("the booking's text waits too").isEqualTo(Delivery.Status.PENDING);
        assertThat(booking.reason).isEqualTo(DeliveryPolicy.QUIET_HOURS);
        NotificationTestEvents.publish(Topics.APPOINTMENTS, reminder, offer);

        Delivery held = settled(reminder.id(), d -> DeliveryPolicy.QUIET_HOURS.equals(d.reason));
        assertThat(held.status).isEqualTo(Delivery.Status.PENDING);
        assertThat(held.attempts).as("nothing went to the provider").isZero();
        assertThat(held.nextAttemptAt.atZoneSameInstant(BEIJING).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(held.nextAttemptAt.atZoneSameInstant(BEIJING).toLocalDate())
                .isEqualTo(LocalDate.now(clock).plusDays(1));

        Delivery sent = settled(offer.id(), d -> d.status == Delivery.Status.SENT);
        assertThat(sent.reason).isEqualTo(DeliveryPolicy.TIME_CRITICAL);
    }
}
