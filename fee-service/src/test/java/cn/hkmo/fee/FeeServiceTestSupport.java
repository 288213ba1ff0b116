package cn.hkmo.fee;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
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
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.platform.test.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Events in, rows out: what the component tests of fee-service share. */
public final class FeeServiceTestSupport {

    private FeeServiceTestSupport() {
    }

    public static String newApplicationNo() {
        return "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    public static String subjectOf(String token) {
        return (String) KeycloakTokens.claims(token).get("sub");
    }

    /** An accepted first application with 1-year single G endorsements for Hong Kong and Macao: 60 + 15 + 15 yuan. */
    public static EventEnvelope accepted(String applicationNo, String citizenSubject, String hallId, LocalDate acceptanceDate) {
        ApplicationAccepted accepted = new ApplicationAccepted(applicationNo, "R" + applicationNo, "B" + applicationNo,
                hallId, "110000",
                new Applicant(citizenSubject, "110105199003071239", "张伟", "13800000000", LocalDate.of(1990, 3, 7)),
                ApplicationCategory.FIRST_APPLICATION, null, 10,
                List.of(new IssuedEndorsement(Destination.HK, EndorsementType.G, "P1Y", Entries.SINGLE, 7, StayRule.PER_VISIT, null),
                        new IssuedEndorsement(Destination.MO, EndorsementType.G, "P1Y", Entries.SINGLE, 7, StayRule.PER_VISIT, null)),
                true, null, new Delivery(CollectionMethod.HALL, null, null, null), "officer.bj", acceptanceDate,
                acceptanceDate.atTime(10, 0).atOffset(ZoneOffset.ofHours(8)));
        return EventEnvelope.of(ApplicationAccepted.TYPE, "/eligibility-service", applicationNo, OffsetDateTime.now(), accepted);
    }

    /** The reviewer's refusal of the application, as issuance-service's outbox relay writes it. */
    public static EventEnvelope refused(String applicationNo, String citizenSubject, String decisionNo) {
        return EventEnvelope.of(DecisionRefused.TYPE, "/issuance-service", applicationNo, OffsetDateTime.now(),
                new DecisionRefused(applicationNo, citizenSubject, decisionNo, List.of("申请人提交的申请材料存在虚假内容"),
                        "supervisor", OffsetDateTime.now()));
    }

    /** Events on the applications topic. */
    public static void publish(EventEnvelope... events) {
        publish(Topics.APPLICATIONS, events);
    }

    public static void publish(String topic, EventEnvelope... events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope event : events) {
                producer.send(new ProducerRecord<>(topic, event.subject(), event.toJson())).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an accepted application and waits for its order; the order number. */
    public static String openOrder(EntityManager entityManager, String citizenToken, String hallId, LocalDate acceptanceDate) {
        String applicationNo = newApplicationNo();
        publish(accepted(applicationNo, subjectOf(citizenToken), hallId, acceptanceDate));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(entityManager,
                "select count(*) from payment_order where application_no = ?1", applicationNo) == 1);
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "select order_no from payment_order where application_no = ?1")
                .setParameter(1, applicationNo).getSingleResult());
    }

    public static long count(EntityManager entityManager, String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Events the outbox holds for an application, by type: each is what went (or goes) to Kafka. */
    public static long events(EntityManager entityManager, String applicationNo, String type) {
        return count(entityManager, "select count(*) from outbox_event where message_key = ?1 and type = ?2", applicationNo, type);
    }
}
