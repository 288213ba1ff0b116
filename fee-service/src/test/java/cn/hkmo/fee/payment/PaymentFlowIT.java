package cn.hkmo.fee.payment;

import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.contracts.payments.OrderClosed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.fee.FeeServiceTestSupport;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.fee.alipay.TradeStatus;
import cn.hkmo.fee.simulator.SimulatedPlatform;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PartnerAuthorization;
import cn.hkmo.platform.test.PartnerAuthorization.Grant;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hkmo.fee.FeeServiceTestSupport.accepted;
import static cn.hkmo.fee.FeeServiceTestSupport.count;
import static cn.hkmo.fee.FeeServiceTestSupport.events;
import static cn.hkmo.fee.FeeServiceTestSupport.newApplicationNo;
import static cn.hkmo.fee.FeeServiceTestSupport.publish;
import static cn.hkmo.fee.FeeServiceTestSupport.subjectOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * fee-service against the real PostgreSQL, Kafka and Keycloak, with the payment simulator reached
 * over HTTP exactly as the real platform would be.
 */
@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "fee"))
class PaymentFlowIT {

    private static final String HALL = "BJ-CHAOYANG";
    private static final String NOTIFY_PATH = "/api/v1/fees/alipay/notify";
    private static final String PARTNER = "alipay-partner";
    private static final String PARTNER_SECRET = "alipay-partner-secret";
    private static final String PARTNER_CALLBACK = "http://localhost:8080/partner/callback";

    @Inject
    EntityManager entityManager;

    @Inject
    SimulatedPlatform platform;

    @Inject
    AlipayGateway gateway;

    @Inject
    Reconciliation reconciliation;

    @Test
    void anAcceptedApplicationOpensOneItemisedOrderAndOneFeeAssessedEvenIfRedelivered() {
        String citizen = KeycloakTokens.password("zhangwei");
        String applicationNo = newApplicationNo();
        EventEnvelope event = accepted(applicationNo, subjectOf(citizen), HALL, LocalDate.now());
        EventEnvelope republished = EventEnvelope.of(ApplicationAccepted.TYPE, event.source(), applicationNo, event.time(),
                event.dataAs(ApplicationAccepted.class));
        publish(event, event, republished);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(entityManager,
                "select count(*) from inbox_event where event_id in (?1, ?2)", event.id(), republished.id()) == 2);

        given().auth().oauth2(citizen).get("/api/v1/fees/orders/by-application/{no}", applicationNo).then()
                .statusCode(200)
                .body("totalFen", equalTo(9000))
                .body("status", equalTo("UNPAID"))
                .body("lines.item", equalTo(List.of("PERMIT", "ENDORSEMENT_SINGLE", "ENDORSEMENT_SINGLE")))
                .body("lines.amountFen", equalTo(List.of(6000, 1500, 1500)))
                .body("lines[1].legalBasis", org.hamcrest.Matchers.containsString("发改价格〔2019〕914号"));
        assertThat(count(entityManager, "select count(*) from payment_order where application_no = ?1", applicationNo)).isEqualTo(1);
        assertThat(events(entityManager, applicationNo, FeeAssessed.TYPE)).isEqualTo(1);
    }

    @Test
    void anApplicationAcceptedBeforeTheCutIsPricedWithTheOldPermitFee() {
        String citizen = KeycloakTokens.password("zhangwei");
        String before = openOrder(citizen, LocalDate.of(2019, 6, 30));
        String after = openOrder(citizen, LocalDate.of(2019, 7, 1));
        assertThat(order(before).get("totalFen")).isEqualTo(11000);
        assertThat(order(after).get("totalFen")).isEqualTo(9000);
    }

    @Test
    void tenIdenticalNotifiesMakeOnePaymentAndOneEvent() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = openOrder(citizen, LocalDate.now());
        String tradeNo = payInMiniProgram(citizen, orderNo, "key-" + orderNo);
        given().auth().oauth2(citizen).header("Idempotency-Key", "key-" + orderNo).contentType(ContentType.JSON)
                .body(Map.of("buyerOpenId", "open-zhangwei"))
                .post("/api/v1/fees/orders/{no}/alipay", orderNo).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("tradeNo", equalTo(tradeNo));

        simulatorPays(orderNo, false);
        List<String> replies = given().post("/simulator/alipay/trades/{no}/notify?times=10", orderNo).then()
                .statusCode(200).extract().jsonPath().getList("", String.class);

        assertThat(replies).hasSize(10).containsOnly("success");
        assertThat(order(orderNo).get("status")).isEqualTo("PAID");
        assertThat(count(entityManager, "select count(*) from payment where order_no = ?1", orderNo)).isEqualTo(1);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentCompleted.TYPE)).isEqualTo(1);
        assertThat(count(entityManager, "select count(*) from notify_audit where out_trade_no = ?1 and outcome = 'RECORDED'", orderNo)).isEqualTo(1);
        assertThat(count(entityManager, "select count(*) from notify_audit where out_trade_no = ?1 and outcome = 'DUPLICATE'", orderNo)).isEqualTo(9);
    }

    @Test
    void theCitizenPaysAndThePlatformsNotifyMarksTheOrderPaid() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = openOrder(citizen, LocalDate.now());
        payInMiniProgram(citizen, orderNo, "key-" + orderNo);
        simulatorPays(orderNo, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> "PAID".equals(order(orderNo).get("status")));
        given().auth().oauth2(citizen).get("/api/v1/fees/orders/mine?size=100").then()
                .statusCode(200).body("items.orderNo", hasItem(orderNo)).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void anOverflowingPageOfOrdersIsA400NamingTheField() {
        // issue 15: page * size overflowed the row offset and gave 500
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/fees/orders/mine?page=21474837&size=100").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("page")).body("violations[0].code", equalTo("PAGE_OUT_OF_RANGE"));
        given().auth().oauth2(KeycloakTokens.password("officer.bj")).header("Accept-Language", "en")
                .get("/api/v1/fees/orders/hall?page=0&size=0").then().statusCode(400)
                .body("violations[0].message", equalTo("The page size must be between 1 and 100."));
    }

    @Test
    void tamperedOrForgedNotifiesAreRejectedAuditedAndPayNothing() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = openOrder(citizen, LocalDate.now());
        payInMiniProgram(citizen, orderNo, "key-" + orderNo);
        simulatorPays(orderNo, false);
        Map<String, String> genuine = given().get("/simulator/alipay/trades/{no}/notify", orderNo).then()
                .statusCode(200).extract().jsonPath().getMap("", String.class, String.class);

        Map<String, String> flipped = new HashMap<>(genuine);
        byte[] signature = Base64.getDecoder().decode(genuine.get("sign"));
        signature[7] ^= 0x01;
        flipped.put("sign", Base64.getEncoder().encodeToString(signature));
        assertNotify(flipped, "failure");

        Map<String, String> cheaper = new HashMap<>(genuine);
        cheaper.put("total_amount", "0.01");
        assertNotify(cheaper, "failure");
        cheaper.remove("sign");
        assertNotify(platform.sign(cheaper), "failure");

        Map<String, String> otherApp = new HashMap<>(genuine);
        otherApp.remove("sign");
        otherApp.put("app_id", "2021000000009999");
        assertNotify(platform.sign(otherApp), "failure");

        Map<String, String> otherSeller = new HashMap<>(genuine);
        otherSeller.remove("sign");
        otherSeller.put("seller_id", "2088000000009999");
        assertNotify(platform.sign(otherSeller), "failure");

        assertThat(order(orderNo).get("status")).isEqualTo("UNPAID");
        assertThat(count(entityManager, "select count(*) from payment where order_no = ?1", orderNo)).isZero();
        assertThat(events(entityManager, applicationOf(orderNo), PaymentCompleted.TYPE)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select outcome from notify_audit where out_trade_no = ?1 order by id", String.class)
                .setParameter(1, orderNo).getResultList()))
                .containsExactly("REJECTED_BAD_SIGNATURE", "REJECTED_BAD_SIGNATURE", "REJECTED_AMOUNT_MISMATCH",
                        "REJECTED_APP_MISMATCH", "REJECTED_SELLER_MISMATCH");

        assertNotify(genuine, "success");
        assertThat(order(orderNo).get("status")).isEqualTo("PAID");
    }

    @Test
    void aLostNotifyIsRecoveredByReconciliation() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = openOrder(citizen, LocalDate.now());
        payInMiniProgram(citizen, orderNo, "key-" + orderNo);
        simulatorPays(orderNo, false);
        assertThat(order(orderNo).get("status")).isEqualTo("UNPAID");

        reconciliation.run();

        assertThat(order(orderNo).get("status")).isEqualTo("PAID");
        assertThat(count(entityManager, "select count(*) from payment where order_no = ?1 and recorded_by = 'reconciliation'", orderNo)).isEqualTo(1);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentCompleted.TYPE)).isEqualTo(1);

        reconciliation.run();
        assertThat(events(entityManager, applicationOf(orderNo), PaymentCompleted.TYPE)).as("settled orders are left alone").isEqualTo(1);
    }

    @Test
    void anUnpaidOrderExpiresClosesItsTradeAndTakesNoMorePayment() {
        String citizen = KeycloakTokens.password("zhangwei");
        String withTrade = openOrder(citizen, LocalDate.now());
        String withoutTrade = openOrder(citizen, LocalDate.now());
        payInMiniProgram(citizen, withTrade, "key-" + withTrade);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update payment_order set expires_at = now() - interval '1 minute' where order_no in (?1, ?2)")
                .setParameter(1, withTrade).setParameter(2, withoutTrade).executeUpdate());

        reconciliation.run();

        for (String orderNo : List.of(withTrade, withoutTrade)) {
            assertThat(order(orderNo)).containsEntry("status", "CLOSED").containsEntry("closeReason", "EXPIRED");
            assertThat(events(entityManager, applicationOf(orderNo), OrderClosed.TYPE)).isEqualTo(1);
        }
        assertThat(gateway.query(withTrade).tradeStatus()).isEqualTo(TradeStatus.TRADE_CLOSED);
        given().post("/simulator/alipay/trades/{no}/pay", withTrade).then().statusCode(409);
        given().auth().oauth2(citizen).contentType(ContentType.JSON).header("Idempotency-Key", "again-" + withTrade)
                .body(Map.of("buyerOpenId", "open-zhangwei"))
                .post("/api/v1/fees/orders/{no}/alipay", withTrade).then()
                .statusCode(409).body("code", equalTo("ORDER_NOT_PAYABLE"));
    }

    @Test
    void aRetriedRefundRefundsOnceAndRefundsNeverExceedThePayment() {
        String citizen = KeycloakTokens.password("zhangwei");
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = openOrder(citizen, LocalDate.now());
        payInMiniProgram(citizen, orderNo, "key-" + orderNo);
        simulatorPays(orderNo, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PAID".equals(order(orderNo).get("status")));

        for (int attempt = 0; attempt < 3; attempt++) {
            refund(officer, orderNo, "RF-" + orderNo + "-1", 3000).statusCode(200)
                    .body("amountFen", equalTo(3000)).body("orderRefundedFen", equalTo(3000));
        }
        assertThat(count(entityManager, "select count(*) from refund where order_no = ?1", orderNo)).isEqualTo(1);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(1);

        refund(officer, orderNo, "RF-" + orderNo + "-1", 2000).statusCode(422).body("code", equalTo("REFUND_NO_REUSED"));
        refund(officer, orderNo, "RF-" + orderNo + "-2", 6001).statusCode(422).body("code", equalTo("REFUND_EXCEEDS_PAID"));
        refund(officer, orderNo, "RF-" + orderNo + "-2", 6000).statusCode(200).body("orderRefundedFen", equalTo(9000));
        refund(officer, orderNo, "RF-" + orderNo + "-3", 1).statusCode(422).body("code", equalTo("REFUND_EXCEEDS_PAID"));

        assertThat(order(orderNo)).containsEntry("refundedFen", 9000).containsEntry("status", "REFUNDED");
        assertThat(gateway.query(orderNo).tradeStatus()).as("fully refunded on the platform").isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(2);
    }

    @Test
    void anOfficerRecordsACounterPaymentAtTheirHallOnly() {
        String citizen = KeycloakTokens.password("zhangwei");
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = openOrder(citizen, LocalDate.now());

        counterPayment(KeycloakTokens.password("officer.sh"), orderNo, 9000).statusCode(403);
        counterPayment(officer, orderNo, 8000).statusCode(422).body("code", equalTo("COUNTER_AMOUNT_MISMATCH"));
        counterPayment(officer, orderNo, 9000).statusCode(200).body("status", equalTo("PAID"));
        counterPayment(officer, orderNo, 9000).statusCode(200).body("status", equalTo("PAID"));

        assertThat(count(entityManager, "select count(*) from payment where order_no = ?1 and channel = 'COUNTER'", orderNo)).isEqualTo(1);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentCompleted.TYPE)).isEqualTo(1);
    }

    @Test
    void ordersAreVisibleToTheirCitizenTheirHallAndAdminsOnly() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = openOrder(citizen, LocalDate.now());

        given().auth().oauth2(KeycloakTokens.password("lina")).get("/api/v1/fees/orders/{no}", orderNo).then()
                .statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        given().auth().oauth2(KeycloakTokens.password("officer.sh")).get("/api/v1/fees/orders/{no}", orderNo).then()
                .statusCode(403);
        refund(KeycloakTokens.password("officer.sh"), orderNo, "RF-X-" + orderNo, 100).statusCode(403);
        given().auth().oauth2(KeycloakTokens.password("officer.bj")).get("/api/v1/fees/orders/{no}", orderNo).then()
                .statusCode(200);
        given().auth().oauth2(KeycloakTokens.password("admin")).get("/api/v1/fees/orders/{no}", orderNo).then()
                .statusCode(200);
        given().get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(401);

        String partner = KeycloakTokens.clientCredentials(PARTNER, PARTNER_SECRET);
        // the partner's own token: no citizen consented, the answer of every service to a partner without consent
        given().auth().oauth2(partner).get("/api/v1/fees/orders/mine").then().statusCode(403)
                .body("code", equalTo("PARTNER_NOT_AUTHORISED"));
        given().auth().oauth2(partner).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(403)
                .body("code", equalTo("PARTNER_NOT_AUTHORISED"));

        given().auth().oauth2(KeycloakTokens.password("lina")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "lina-" + orderNo).body(Map.of("buyerOpenId", "open-lina"))
                .post("/api/v1/fees/orders/{no}/alipay", orderNo).then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.password("chenjing")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "chenjing-" + orderNo).body(Map.of("buyerOpenId", "open-chenjing"))
                .post("/api/v1/fees/orders/{no}/alipay", orderNo).then().statusCode(403)
                .body("code", equalTo("IDENTITY_NOT_VERIFIED"));
    }

    @Test
    void aPartnerSeesACitizensOrdersOnlyWithTheCitizensConsentToPay() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = openOrder(citizen, LocalDate.now());

        Grant payment = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid payment", PARTNER_CALLBACK);
        given().auth().oauth2(payment.accessToken()).get("/api/v1/fees/orders/mine?size=100").then()
                .statusCode(200).body("items.orderNo", hasItem(orderNo));
        given().auth().oauth2(payment.accessToken()).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200);

        Grant bookingOnly = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid booking", PARTNER_CALLBACK);
        given().auth().oauth2(bookingOnly.accessToken()).get("/api/v1/fees/orders/mine").then().statusCode(403)
                .body("code", equalTo("PARTNER_NOT_AUTHORISED"));
        given().auth().oauth2(bookingOnly.accessToken()).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(403)
                .body("code", equalTo("PARTNER_NOT_AUTHORISED"));
    }

    private String openOrder(String citizenToken, LocalDate acceptanceDate) {
        return FeeServiceTestSupport.openOrder(entityManager, citizenToken, HALL, acceptanceDate);
    }

    private String payInMiniProgram(String citizenToken, String orderNo, String idempotencyKey) {
        return given().auth().oauth2(citizenToken).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(Map.of("buyerOpenId", "open-zhangwei"))
                .post("/api/v1/fees/orders/{no}/alipay", orderNo).then()
                .statusCode(200).body("orderNo", equalTo(orderNo)).body("amount", equalTo("90.00"))
                .extract().path("tradeNo");
    }

    private static void simulatorPays(String orderNo, boolean notify) {
        given().post("/simulator/alipay/trades/{no}/pay?notify=" + notify, orderNo).then().statusCode(200);
    }

    /** @param reply {@code success}, or {@code failure} for a refusal (a 400 problem, which the platform retries) */
    private static void assertNotify(Map<String, String> params, String reply) {
        // As the platform posts it: UTF-8 (the subject is Chinese), which RestAssured does not assume.
        var answer = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(params).post(NOTIFY_PATH)
                .then();
        if (reply.equals("failure")) {
            answer.statusCode(400).contentType("application/problem+json").body("code", equalTo("NOTIFY_REFUSED"));
        } else {
            answer.statusCode(200).body(equalTo(reply));
        }
    }

    private static io.restassured.response.ValidatableResponse refund(String token, String orderNo, String refundNo, long fen) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("refundNo", refundNo, "amountFen", fen, "reason", "申请人撤回申请"))
                .post("/api/v1/fees/orders/{no}/refunds", orderNo).then();
    }

    private static io.restassured.response.ValidatableResponse counterPayment(String token, String orderNo, long fen) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("amountFen", fen, "receiptNo", "CNT-" + orderNo))
                .post("/api/v1/fees/orders/{no}/counter-payments", orderNo).then();
    }

    private static Map<String, Object> order(String orderNo) {
        return given().auth().oauth2(KeycloakTokens.password("admin")).get("/api/v1/fees/orders/{no}", orderNo).then()
                .statusCode(200).extract().jsonPath().getMap("");
    }

    private String applicationOf(String orderNo) {
        return (String) order(orderNo).get("applicationNo");
    }
}
