package cn.hkmo.notification.platform;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.notification.NotificationTestEvents;
import cn.hkmo.notification.delivery.Delivery;
import cn.hkmo.notification.delivery.Dispatcher;
import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PartnerAuthorization;
import cn.hkmo.platform.test.PlatformTestResource;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayOpenAppMiniTemplatemessageSendRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Mini-program template messages for a citizen who subscribed in the Alipay mini-program, through the official SDK
 * against a platform simulator that checks RSA2; the subscription is the Alipay partner's to record, for the citizen.
 */
@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class AlipayMessagesIT {

    private static final String CALLBACK = "http://localhost:8080/partner/callback";

    @Inject
    EntityManager entityManager;

    @Inject
    Dispatcher dispatcher;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "hkmo.notification.alipay.alipay-public-key")
    String platformPublicKey;

    @AfterEach
    void revoke() {
        PartnerAuthorization.revokeConsent("liuyang", "alipay-partner");
    }

    private Delivery delivery(String eventId, String channel) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("select d from Delivery d, "
                        + "Message m where d.messageId = m.id and m.eventId = :e and d.channel = :c", Delivery.class)
                .setParameter("e", eventId).setParameter("c", channel).getResultStream().findFirst().orElse(null));
    }

    @Test
    void aSubscribedCitizenGetsTheOfferInTheMiniProgramToo() {
        String partner = PartnerAuthorization.authorize("alipay-partner", "alipay-partner-secret", "liuyang", "openid booking",
                CALLBACK).accessToken();
        String userId = "2088" + String.format("%012d", (long) (Math.random() * 1e12));
        RestAssured.given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("sms", true, "alipayUserId", userId)).put("/api/v1/messages/preferences").then().statusCode(200)
                .body("alipay", equalTo(true)).body("originClient", equalTo("alipay-partner"));
        // only the partner records a platform subscription
        RestAssured.given().auth().oauth2(KeycloakTokens.password("liuyang")).contentType("application/json")
                .body(Map.of("sms", true, "alipayUserId", "2088000000000009")).put("/api/v1/messages/preferences").then()
                .statusCode(403);

        String subject = (String) KeycloakTokens.claims(partner).get("sub");
        EventEnvelope offer = NotificationTestEvents.offered("H-" + UUID.randomUUID(), subject);
        NotificationTestEvents.publish(Topics.APPOINTMENTS, offer, offer);
        Delivery sent = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            dispatcher.run();
            return delivery(offer.id(), AlipayMessages.NAME);
        }, d -> d != null && d.status == Delivery.Status.SENT);
        assertThat(sent.providerRef).isEqualTo("alipay:" + sent.outId);

        List<Map<String, String>> received = RestAssured.given().queryParam("toUserId", userId)
                .get("/simulator/alipay-messages/messages").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.get("userTemplateId")).isEqualTo("TPL_HKMO_OFFER");
            assertThat(m.get("page")).isEqualTo("pages/messages/index?id=" + sent.outId);
            assertThat(m.get("data")).contains("keyword1").contains("BJ-CHAOYANG");
        });
    }

    @Test
    void theSimulatorRefusesACallSignedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        DefaultAlipayClient forged = new DefaultAlipayClient("http://localhost:" + port + "/simulator/alipay-messages/gateway.do",
                "2021000000000002", otherKey, "json", "UTF-8", platformPublicKey, "RSA2");
        AlipayOpenAppMiniTemplatemessageSendRequest request = new AlipayOpenAppMiniTemplatemessageSendRequest();
        request.setBizContent("{\"to_user_id\":\"2088000000000001\",\"user_template_id\":\"TPL_HKMO_OFFER\"}");
        assertThat(forged.execute(request).getSubCode()).isEqualTo("isv.invalid-signature");
        assertThat(RestAssured.given().queryParam("toUserId", "2088000000000001").get("/simulator/alipay-messages/messages")
                .then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    }
}
