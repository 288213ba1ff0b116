package cn.hkmo.notification.delivery;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.notification.NotificationTestEvents;
import cn.hkmo.notification.sms.AliyunSms;
import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.tea.TeaException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The SMS channel through the official SDK against the provider's simulator: one text per event through redeliveries,
 * answers lost and the provider down (looked up by OutId before any resend), dead letters and their replay.
 */
@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class SmsDeliveryIT {

    @Inject
    EntityManager entityManager;

    @Inject
    Dispatcher dispatcher;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static String subjectOf(String token) {
        return (String) KeycloakTokens.claims(token).get("sub");
    }

    private static String newPhone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    /**
     * The citizen's mobile becomes known (a booking, whose own text is settled first), then {@code fault} is set at the
     * provider for {@code event}'s text, and {@code event} arrives twice.
     */
    private Delivery deliver(String subject, String phone, String fault, int times, EventEnvelope event) {
        EventEnvelope booked = NotificationTestEvents.booked("B" + UUID.randomUUID().toString().substring(0, 8), subject, phone);
        NotificationTestEvents.publish(Topics.APPOINTMENTS, booked);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            dispatcher.run();
            return delivery(booked.id());
        }, d -> d != null && d.status != Delivery.Status.PENDING && d.status != Delivery.Status.SENDING);
        if (fault != null) {
            fault(phone, fault, times);
        }
        NotificationTestEvents.publish(Topics.APPOINTMENTS, event, event);
        return await().atMost(Duration.ofSeconds(30)).until(() -> delivery(event.id()), d -> d != null);
    }

    private Delivery delivery(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("select d from Delivery d, "
                        + "Message m where d.messageId = m.id and m.eventId = :e and d.channel = :sms", Delivery.class)
                .setParameter("e", eventId).setParameter("sms", AliyunSms.NAME).getResultStream().findFirst().orElse(null));
    }

    private Delivery awaitStatus(String eventId, Delivery.Status status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            dispatcher.run();
            return delivery(eventId);
        }, d -> d.status == status);
    }

    private List<?> received(String outId) {
        return RestAssured.given().queryParam("outId", outId).get("/simulator/sms/messages").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private void fault(String phone, String kind, int times) {
        RestAssured.given().queryParam("phone", phone).queryParam("kind", kind).queryParam("times", times)
                .post("/simulator/sms/faults").then().statusCode(204);
    }

    @Test
    void anOfferIsTextedOnceWhateverTheRedeliveries() {
        String phone = newPhone();
        EventEnvelope offer = NotificationTestEvents.offered("H-" + UUID.randomUUID(), "sms-once-" + UUID.randomUUID());
        deliver(offer.dataAs(cn.hkmo.contracts.appointments.PlaceOffered.class).subject(), phone, null, 0, offer);
        Delivery sent = awaitStatus(offer.id(), Delivery.Status.SENT);
        assertThat(sent.providerRef).isNotBlank();
        assertThat(received(sent.outId)).hasSize(1);
        RestAssured.given().queryParam("outId", sent.outId).get("/simulator/sms/messages").then()
                .body("[0].templateCode", equalTo("SMS_HKMO_OFFER")).body("[0].signName", equalTo("出入境管理"))
                .body("[0].phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));

        NotificationTestEvents.publish(Topics.APPOINTMENTS, offer);
        dispatcher.run();
        assertThat(received(sent.outId)).hasSize(1);
    }

    /** ANSWER_LOST: received, the answer lost; DOWN: never received. Either way the lookup decides, and one text arrives. */
    @ParameterizedTest
    @ValueSource(strings = {"ANSWER_LOST", "DOWN"})
    void anAttemptOfUnknownOutcomeIsLookedUpByOutIdAndTextedOnce(String fault) {
        String phone = newPhone();
        String subject = "sms-" + fault + "-" + UUID.randomUUID();
        EventEnvelope offer = NotificationTestEvents.offered("H-" + UUID.randomUUID(), subject);
        deliver(subject, phone, fault, 1, offer);
        Delivery sent = awaitStatus(offer.id(), Delivery.Status.SENT);
        assertThat(sent.attempts).isGreaterThanOrEqualTo(2);
        if (fault.equals("ANSWER_LOST")) {
            assertThat(sent.providerRef).as("found by the lookup, not sent again").isEqualTo("OutId:" + sent.outId);
        }
        assertThat(received(sent.outId)).hasSize(1);
    }

    @Test
    void refusalsEndInTheDeadLetterViewAndAReplaySendsOnce() {
        String phone = newPhone();
        String subject = "sms-dead-" + UUID.randomUUID();
        EventEnvelope offer = NotificationTestEvents.offered("H-" + UUID.randomUUID(), subject);
        deliver(subject, phone, "LIMITED", 10, offer);
        Delivery dead = awaitStatus(offer.id(), Delivery.Status.DEAD);
        assertThat(dead.reason).isEqualTo("isv.BUSINESS_LIMIT_CONTROL");
        assertThat(received(dead.outId)).isEmpty();

        String admin = KeycloakTokens.password("admin");
        List<String> ids = RestAssured.given().auth().oauth2(admin).get("/api/v1/admin/notifications/dead-letters?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).contains(dead.id.toString());
        RestAssured.given().auth().oauth2(KeycloakTokens.password("zhangwei"))
                .post("/api/v1/admin/notifications/dead-letters/" + dead.id + "/replay").then().statusCode(403);

        fault(phone, "LIMITED", 0); // lift what is left of the fault
        RestAssured.given().auth().oauth2(admin).post("/api/v1/admin/notifications/dead-letters/" + dead.id + "/replay")
                .then().statusCode(200);
        RestAssured.given().auth().oauth2(admin).post("/api/v1/admin/notifications/dead-letters/" + dead.id + "/replay")
                .then().statusCode(409).body("code", equalTo("DELIVERY_NOT_DEAD"));
        Delivery sent = awaitStatus(offer.id(), Delivery.Status.SENT);
        assertThat(received(sent.outId)).hasSize(1);
    }

    @Test
    void aCitizenWhoTurnedTextsOffGetsNone() {
        String chenjing = KeycloakTokens.password("chenjing");
        RestAssured.given().auth().oauth2(chenjing).contentType("application/json").body("{\"sms\":false}")
                .put("/api/v1/messages/preferences").then().statusCode(200).body("sms", equalTo(false));
        EventEnvelope offer = NotificationTestEvents.offered("H-" + UUID.randomUUID(), subjectOf(chenjing));
        deliver(subjectOf(chenjing), newPhone(), null, 0, offer);
        Delivery skipped = awaitStatus(offer.id(), Delivery.Status.SKIPPED);
        assertThat(skipped.reason).isEqualTo("NO_CONSENT");
        assertThat(received(skipped.outId)).isEmpty();
        RestAssured.given().auth().oauth2(chenjing).contentType("application/json").body("{\"sms\":true}")
                .put("/api/v1/messages/preferences").then().statusCode(200).body("sms", equalTo(true));
    }

    @Test
    void theSimulatorRefusesACallSignedWithAnotherSecret() throws Exception {
        Client forged = new Client(new com.aliyun.teaopenapi.models.Config().setAccessKeyId("LTAIdevOnlyHkmoSms")
                .setAccessKeySecret("not-the-secret").setEndpoint("localhost:" + port).setProtocol("http"));
        assertThatThrownBy(() -> forged.sendSms(new SendSmsRequest().setPhoneNumbers("13900000000").setSignName("出入境管理")
                .setTemplateCode("SMS_HKMO_OFFER").setTemplateParam("{}").setOutId("forged")))
                .isInstanceOfSatisfying(TeaException.class, e -> assertThat(e.getCode()).isEqualTo("SignatureDoesNotMatch"));
        assertThat(received("forged")).isEmpty();
    }
}
