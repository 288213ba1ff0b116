package cn.hkmo.notification;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EmergencyContact;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The events the component tests feed in, as their producers write them. */
public final class NotificationTestEvents {

    private NotificationTestEvents() {
    }

    public static EventEnvelope booked(String bookingNo, String subject, String mobile) {
        return EventEnvelope.of(BookingBooked.TYPE, "/appointment-service", bookingNo, OffsetDateTime.now(),
                new BookingBooked(bookingNo, new Applicant(subject, "110105199003071239", "张伟", mobile, LocalDate.of(1990, 3, 7)),
                        "BJ-CHAOYANG", "110105", LocalDate.now().plusDays(3), LocalTime.of(9, 0), LocalTime.of(9, 30), "110105",
                        false, ApplicationCategory.FIRST_APPLICATION, List.of(), new Delivery(CollectionMethod.HALL, null, null, null),
                        new EmergencyContact("张丽", "13900001111"), "hkmo-miniprogram", OffsetDateTime.now()));
    }

    public static EventEnvelope offered(String holdId, String subject) {
        return EventEnvelope.of(PlaceOffered.TYPE, "/appointment-service", holdId, OffsetDateTime.now(),
                new PlaceOffered(holdId, subject, "BJ-CHAOYANG", LocalDate.now().plusDays(2), LocalTime.of(10, 0),
                        OffsetDateTime.now().plusMinutes(30), null));
    }

    /** Sends the events to {@code topic} as they are: the same envelope twice is a redelivery. */
    public static void publish(String topic, EventEnvelope... events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope event : events) {
                producer.send(new ProducerRecord<>(topic, event.subject(), event.toJson())).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
