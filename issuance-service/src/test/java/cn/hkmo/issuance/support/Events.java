package cn.hkmo.issuance.support;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.contracts.common.StayRule;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Produces envelopes straight onto the suite's topics, as the other services would, and reads what issuance published. */
public final class Events {

    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    /** Sends the envelope and waits for the broker's ack, so the order of calls is the order on the partition. */
    public static void send(String topic, EventEnvelope envelope) {
        try {
            producer().send(new ProducerRecord<>(topic, envelope.subject(), envelope.toJson())).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EventEnvelope envelope(String type, String source, String key, Object data) {
        return EventEnvelope.of(type, source, key, OffsetDateTime.now(), data);
    }

    /** Types of the events issuance-service published under {@code key}, in topic order. */
    public static List<String> publishedTypes(String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(),
                "enable.auto.commit", "false"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> types = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        types.add(EventEnvelope.parse(record.value()).type());
                    }
                }
            }
            return types;
        }
    }

    public static ApplicationAccepted accepted(String applicationNo, String bookingNo, Applicant applicant, String hallId,
                                               String hallRegion, LocalDate acceptanceDate, boolean hukouLocal,
                                               String urgentReason, Delivery delivery) {
        return new ApplicationAccepted(applicationNo, "R" + applicationNo, bookingNo, hallId, hallRegion, applicant,
                ApplicationCategory.FIRST_APPLICATION, null, 10,
                List.of(new IssuedEndorsement(Destination.HK, EndorsementType.G, "P1Y", Entries.SINGLE, 7, StayRule.PER_VISIT, null)),
                hukouLocal, urgentReason, delivery, "officer.bj", acceptanceDate, acceptanceDate.atTime(9, 30).atOffset(
                java.time.ZoneOffset.ofHours(8)));
    }

    public static Delivery ems() {
        return new Delivery(CollectionMethod.EMS, "张伟", "13800000001", "北京市朝阳区建国路1号");
    }

    public static Delivery hall() {
        return new Delivery(CollectionMethod.HALL, null, null, null);
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", bootstrap(),
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", StringSerializer.class.getName(),
                    "acks", "all"));
        }
        return producer;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
