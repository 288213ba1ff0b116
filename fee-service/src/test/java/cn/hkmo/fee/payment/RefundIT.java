package cn.hkmo.fee.payment;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.fee.FeeServiceTestSupport;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.fee.messaging.IssuanceEventsConsumer;
import cn.hkmo.fee.simulator.SimulatedPlatform;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.hkmo.fee.FeeServiceTestSupport.count;
import static cn.hkmo.fee.FeeServiceTestSupport.events;
import static cn.hkmo.fee.FeeServiceTestSupport.subjectOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Refunds are never half-written: recorded as an intent before the platform is asked, settled once, and completed
 * by the refund reconciliation when the platform's answer or our own commit was lost. The platform is the simulator,
 * reached over HTTP by the SDK; its fault switch makes refund calls unreachable, lose their answer, or be refused.
 * A refusal ({@code decision.refused}) refunds what was paid once, however often it is delivered.
 */
@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "fee"))
class RefundIT {

    private static final String HALL = "BJ-CHAOYANG";
    private static final String REASON = "申请人撤回申请";

    @Inject
    EntityManager entityManager;

    @Inject
    SimulatedPlatform platform;

    @Inject
    AlipayGateway gateway;

    @Inject
    RefundReconciliation reconciliation;

    @Test
    void aRefundWhoseAnswerWasLostIsRecordedByTheReconciliationExactlyOnce() {
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = paidWithAlipay();
        String refundNo = "RF-" + orderNo + "-LOST";
        fault(refundNo, "ANSWER_LOST", 1);

        refund(officer, orderNo, refundNo, 3000).statusCode(503)
                .body("code", equalTo("REFUND_PENDING")).body("detail", containsString(refundNo));

        assertThat(platform.refunds(orderNo)).as("the platform refunded").isEqualTo(Map.of(refundNo, 3000L));
        assertThat(status(refundNo)).as("our books know it is under way").isEqualTo("REQUESTED");
        assertThat(order(orderNo).get("refundedFen")).isEqualTo(0);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isZero();

        reconciliation.run();
        assertThat(status(refundNo)).as("left alone while a request may still be waiting for its answer").isEqualTo("REQUESTED");

        age(refundNo);
        reconciliation.run();
        reconciliation.run();

        assertThat(status(refundNo)).isEqualTo("REFUNDED");
        assertThat(count(entityManager, "select count(*) from refund where refund_no = ?1 and settled_by = 'reconciliation'", refundNo)).isEqualTo(1);
        assertThat(order(orderNo).get("refundedFen")).isEqualTo(3000);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(1);
        assertThat(platform.refunds(orderNo)).as("no money moved twice").isEqualTo(Map.of(refundNo, 3000L));

        refund(officer, orderNo, refundNo, 3000).statusCode(200)
                .body("status", equalTo("REFUNDED")).body("orderRefundedFen", equalTo(3000));
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(1);
    }

    @Test
    void refundsWhoseSettlementNeverCommittedAreSettledOnceByReplicasReconcilingAtOnce() throws Exception {
        String orderNo = paidWithAlipay();
        String refundedThenCrashed = "RF-" + orderNo + "-A";
        String alsoRefunded = "RF-" + orderNo + "-B";
        String neverSent = "RF-" + orderNo + "-C";
        // The platform refunded two of them and we crashed (or the database restarted) before the settlement
        // committed; the third intent was committed but the process died before asking the platform.
        gateway.refund(orderNo, refundedThenCrashed, 3000, REASON);
        gateway.refund(orderNo, alsoRefunded, 2000, REASON);
        insertAgedIntent(orderNo, refundedThenCrashed, 3000);
        insertAgedIntent(orderNo, alsoRefunded, 2000);
        insertAgedIntent(orderNo, neverSent, 1000);

        List<Integer> ended = atOnce(4, reconciliation::run);

        assertThat(ended.stream().mapToInt(Integer::intValue).sum()).as("each intent ended by one replica").isEqualTo(3);

        for (String refundNo : List.of(refundedThenCrashed, alsoRefunded, neverSent)) {
            assertThat(status(refundNo)).as(refundNo).isEqualTo("REFUNDED");
        }
        assertThat(order(orderNo).get("refundedFen")).isEqualTo(6000);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(3);
        assertThat(platform.refunds(orderNo)).as("each refund moved money once")
                .isEqualTo(Map.of(refundedThenCrashed, 3000L, alsoRefunded, 2000L, neverSent, 1000L));
    }

    @Test
    void aRetryAfterAnOutageResumesTheSameRefundAndRefundsOnce() {
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = paidWithAlipay();
        String refundNo = "RF-" + orderNo + "-OUTAGE";
        fault(refundNo, "UNREACHABLE", 2);

        refund(officer, orderNo, refundNo, 3000).statusCode(503).body("code", equalTo("REFUND_PENDING"));
        refund(officer, orderNo, refundNo, 3000).statusCode(503).body("code", equalTo("REFUND_PENDING"));
        assertThat(platform.refunds(orderNo)).isEmpty();
        assertThat(status(refundNo)).isEqualTo("REQUESTED");

        refund(officer, orderNo, "RF-" + orderNo + "-MORE", 6001).statusCode(422)
                .body("code", equalTo("REFUND_EXCEEDS_PAID")).body("detail", containsString("60.00"));
        refund(officer, orderNo, refundNo, 2000).statusCode(422).body("code", equalTo("REFUND_NO_REUSED"));

        refund(officer, orderNo, refundNo, 3000).statusCode(200)
                .body("status", equalTo("REFUNDED")).body("amountFen", equalTo(3000)).body("orderRefundedFen", equalTo(3000));

        assertThat(count(entityManager, "select count(*) from refund where order_no = ?1", orderNo)).isEqualTo(1);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(1);
        assertThat(platform.refunds(orderNo)).isEqualTo(Map.of(refundNo, 3000L));
    }

    @Test
    void concurrentIdenticalRefundRequestsRefundOnce() throws Exception {
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = paidWithAlipay();
        String refundNo = "RF-" + orderNo + "-RUSH";

        List<Integer> statuses = atOnce(8, () -> refund(officer, orderNo, refundNo, 3000).extract().statusCode());

        assertThat(statuses).containsOnly(200);
        assertThat(count(entityManager, "select count(*) from refund where order_no = ?1", orderNo)).isEqualTo(1);
        assertThat(order(orderNo).get("refundedFen")).isEqualTo(3000);
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(1);
        assertThat(platform.refunds(orderNo)).isEqualTo(Map.of(refundNo, 3000L));
    }

    @Test
    void aRefusedRefundIsRejectedAndNoLongerCountsAgainstWhatIsRefundable() {
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = paidWithAlipay();
        String refused = "RF-" + orderNo + "-REFUSED";
        fault(refused, "REFUSED", 1);

        refund(officer, orderNo, refused, 9000).statusCode(502)
                .body("code", equalTo("PAYMENT_PLATFORM_REJECTED")).body("detail", containsString("ACQ.SELLER_BALANCE_NOT_ENOUGH"));
        given().auth().oauth2(officer).get("/api/v1/fees/orders/{no}/refunds", orderNo).then().statusCode(200)
                .body("items.refundNo", equalTo(List.of(refused)))
                .body("items.status", equalTo(List.of("REJECTED")))
                .body("items.rejectedCode", equalTo(List.of("ACQ.SELLER_BALANCE_NOT_ENOUGH"))).body("total", equalTo(1));

        refund(officer, orderNo, refused, 9000).statusCode(502).body("code", equalTo("PAYMENT_PLATFORM_REJECTED"));
        assertThat(platform.refunds(orderNo)).as("the same number is the same (refused) refund: not sent again").isEmpty();

        refund(officer, orderNo, "RF-" + orderNo + "-AGAIN", 9000).statusCode(200)
                .body("status", equalTo("REFUNDED")).body("orderRefundedFen", equalTo(9000));
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(1);
    }

    @Test
    void aRefusalSeenByTheReconciliationRejectsTheRefundToo() {
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = paidWithAlipay();
        String refundNo = "RF-" + orderNo + "-LATE-REFUSAL";
        fault(refundNo, "UNREACHABLE", 1);
        refund(officer, orderNo, refundNo, 9000).statusCode(503).body("code", equalTo("REFUND_PENDING"));
        refund(officer, orderNo, "RF-" + orderNo + "-OTHER", 1).statusCode(422).body("code", equalTo("REFUND_EXCEEDS_PAID"));

        fault(refundNo, "REFUSED", 1);
        age(refundNo);
        reconciliation.run();

        assertThat(status(refundNo)).isEqualTo("REJECTED");
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isZero();
        refund(officer, orderNo, "RF-" + orderNo + "-OTHER", 9000).statusCode(200).body("orderRefundedFen", equalTo(9000));
    }

    @Test
    void aCounterRefundPaysOutOnlyWhenASecondPersonApprovesIt() {
        String officer = KeycloakTokens.password("officer.bj");
        String admin = KeycloakTokens.password("admin");
        String orderNo = paidAtCounter(officer);
        String refundNo = "RF-" + orderNo + "-CASH";

        refund(officer, orderNo, refundNo, 8999).statusCode(202)
                .body("status", equalTo("AWAITING_APPROVAL")).body("orderRefundedFen", equalTo(0));
        // the same number again is the same request
        refund(officer, orderNo, refundNo, 8999).statusCode(202);
        // a request counts against what is refundable
        refund(officer, orderNo, "RF-" + orderNo + "-MORE", 2)
                .statusCode(422).body("code", equalTo("REFUND_EXCEEDS_PAID"));
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).as("no cash out yet").isZero();
        assertThat(order(orderNo)).containsEntry("status", "PAID").containsEntry("refundedFen", 0);

        approve(officer, orderNo, refundNo, null).statusCode(403).body("code", equalTo("REFUND_SELF_APPROVAL"))
                .body("detail", containsString(refundNo));
        given().auth().oauth2(officer).header("Accept-Language", "en")
                .post("/api/v1/fees/orders/{no}/refunds/{refund}/approval", orderNo, refundNo).then()
                .statusCode(403).body("title", equalTo("You cannot approve your own refund"));
        // another hall's officer
        approve(KeycloakTokens.password("officer.sh"), orderNo, refundNo, null)
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(status(refundNo)).isEqualTo("AWAITING_APPROVAL");

        approve(admin, orderNo, refundNo, "approve-" + refundNo).statusCode(200)
                .body("status", equalTo("REFUNDED")).body("approvedBy", equalTo(subjectOf(admin)))
                .body("requestedBy", equalTo(subjectOf(officer))).body("orderRefundedFen", equalTo(8999));
        // the same key replays the first answer
        approve(admin, orderNo, refundNo, "approve-" + refundNo)
                .statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("REFUNDED"));
        // without a key a repeat finds it settled
        approve(admin, orderNo, refundNo, null)
                .statusCode(409).body("code", equalTo("REFUND_NOT_AWAITING_APPROVAL"));

        assertThat(platform.refunds(orderNo)).as("no platform trade behind a counter payment").isEmpty();
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isEqualTo(1);
        assertThat(order(orderNo)).containsEntry("status", "PARTIALLY_REFUNDED").containsEntry("refundedFen", 8999);
        given().auth().oauth2(KeycloakTokens.password("officer.sh")).get("/api/v1/fees/orders/{no}/refunds", orderNo).then()
                .statusCode(403);
    }

    @Test
    void anAdminCannotApproveTheirOwnCounterRefundEitherAndAFullRefundLeavesTheOrderRefunded() {
        String officer = KeycloakTokens.password("officer.bj");
        String admin = KeycloakTokens.password("admin");
        String orderNo = paidAtCounter(officer);
        String refundNo = "RF-" + orderNo + "-ALL";

        refund(admin, orderNo, refundNo, 9000).statusCode(202);
        approve(admin, orderNo, refundNo, null).statusCode(403).body("code", equalTo("REFUND_SELF_APPROVAL"));
        approve(officer, orderNo, "RF-NONE-" + orderNo, null).statusCode(404).body("code", equalTo("REFUND_NOT_FOUND"));
        approve(officer, orderNo, refundNo, null).statusCode(200).body("status", equalTo("REFUNDED"));

        assertThat(order(orderNo)).containsEntry("status", "REFUNDED").containsEntry("refundedFen", 9000);
        refund(officer, orderNo, "RF-" + orderNo + "-AGAIN", 1).statusCode(422).body("code", equalTo("REFUND_EXCEEDS_PAID"));
    }

    @Test
    void aCounterRefundAskedByMistakeIsWithdrawnBeforeItsApprovalAndTheAmountIsRefundableAgain() {
        String officer = KeycloakTokens.password("officer.bj");
        String admin = KeycloakTokens.password("admin");
        String orderNo = paidAtCounter(officer);
        String refundNo = "RF-" + orderNo + "-TYPO";
        refund(officer, orderNo, refundNo, 9000).statusCode(202);

        withdraw(KeycloakTokens.password("officer.sh"), orderNo, refundNo, "not our hall").statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/v1/fees/orders/{no}/refunds/{refund}/withdrawal", orderNo, refundNo).then().statusCode(400);
        // the requester withdraws their own request: nothing is paid out, so no second person is needed
        withdraw(officer, orderNo, refundNo, "输错金额").statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo(subjectOf(officer)))
                .body("withdrawalReason", equalTo("输错金额")).body("orderRefundedFen", equalTo(0));
        withdraw(officer, orderNo, refundNo, "again").statusCode(409).body("code", equalTo("REFUND_NOT_AWAITING_APPROVAL"));
        approve(admin, orderNo, refundNo, null).statusCode(409).body("code", equalTo("REFUND_NOT_AWAITING_APPROVAL"));
        assertThat(events(entityManager, applicationOf(orderNo), PaymentRefunded.TYPE)).isZero();
        assertThat(order(orderNo)).containsEntry("status", "PAID").containsEntry("refundedFen", 0);

        // the withdrawn amount no longer counts: the right refund is asked for and approved
        String right = "RF-" + orderNo + "-RIGHT";
        refund(officer, orderNo, right, 1000).statusCode(202);
        approve(admin, orderNo, right, null).statusCode(200).body("orderRefundedFen", equalTo(1000));
    }

    @Test
    void aPlatformRefundNeedsNoApprovalAndCannotBeApproved() {
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = paidWithAlipay();
        String refundNo = "RF-" + orderNo + "-NOAPPROVAL";
        refund(officer, orderNo, refundNo, 9000).statusCode(200).body("status", equalTo("REFUNDED"));
        assertThat(order(orderNo)).containsEntry("status", "REFUNDED");
        approve(KeycloakTokens.password("admin"), orderNo, refundNo, null).statusCode(409)
                .body("code", equalTo("REFUND_NOT_AWAITING_APPROVAL"));
    }

    @Test
    void aRefusalRefundsAnOnlinePaymentInFullOnceHoweverOftenItIsDelivered() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = paidWithAlipay();
        String applicationNo = applicationOf(orderNo);
        String refundNo = RefusalRefund.numberFor(applicationNo);
        EventEnvelope refused = FeeServiceTestSupport.refused(applicationNo, subjectOf(citizen), "110000-2026-000001");

        FeeServiceTestSupport.publish(Topics.ISSUANCE, refused);

        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(order(orderNo).get("status")));
        assertThat(order(orderNo)).containsEntry("refundedFen", 9000);
        assertThat(status(refundNo)).isEqualTo("REFUNDED");
        assertThat(platform.refunds(orderNo)).as("back to the paying account").isEqualTo(Map.of(refundNo, 9000L));
        given().auth().oauth2(citizen).get("/api/v1/fees/orders/mine?size=100").then().statusCode(200)
                .body("items.find { it.orderNo == '" + orderNo + "' }.status", equalTo("REFUNDED"));

        // the same event again (a redelivery) and the same refusal under a new event id (a republication)
        EventEnvelope republished = FeeServiceTestSupport.refused(applicationNo, subjectOf(citizen), "110000-2026-000001");
        FeeServiceTestSupport.publish(Topics.ISSUANCE, refused, republished);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(entityManager,
                "select count(*) from inbox_event where consumer = ?1 and event_id = ?2", IssuanceEventsConsumer.CONSUMER,
                republished.id()) == 1);

        assertThat(count(entityManager, "select count(*) from refund where order_no = ?1", orderNo)).isEqualTo(1);
        assertThat(events(entityManager, applicationNo, PaymentRefunded.TYPE)).isEqualTo(1);
        assertThat(platform.refunds(orderNo)).as("no money moved twice").isEqualTo(Map.of(refundNo, 9000L));
    }

    @Test
    void aRefusalOfACounterPaymentWaitsForTheOfficerWhoPaysTheCashOut() {
        String officer = KeycloakTokens.password("officer.bj");
        String orderNo = paidAtCounter(officer);
        String applicationNo = applicationOf(orderNo);
        String refundNo = RefusalRefund.numberFor(applicationNo);

        FeeServiceTestSupport.publish(Topics.ISSUANCE, FeeServiceTestSupport.refused(applicationNo,
                subjectOf(KeycloakTokens.password("zhangwei")), "110000-2026-000002"));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(entityManager,
                "select count(*) from refund where refund_no = ?1 and status = 'AWAITING_APPROVAL' and amount_fen = 9000",
                refundNo) == 1);
        assertThat(order(orderNo)).as("no cash has left the till yet").containsEntry("status", "PAID");
        given().auth().oauth2(officer).get("/api/v1/fees/orders/{no}/refunds", orderNo).then().statusCode(200)
                .body("items.find { it.refundNo == '" + refundNo + "' }.requestedBy", equalTo("refusal:110000-2026-000002"));

        approve(officer, orderNo, refundNo, null).statusCode(200).body("status", equalTo("REFUNDED"));
        assertThat(order(orderNo)).containsEntry("status", "REFUNDED").containsEntry("refundedFen", 9000);
        assertThat(events(entityManager, applicationNo, PaymentRefunded.TYPE)).isEqualTo(1);
    }

    @Test
    void aRefusalOfAnUnpaidOrderRefundsNothing() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = FeeServiceTestSupport.openOrder(entityManager, citizen, HALL, LocalDate.now());
        EventEnvelope refused = FeeServiceTestSupport.refused(applicationOf(orderNo), subjectOf(citizen), "110000-2026-000003");

        FeeServiceTestSupport.publish(Topics.ISSUANCE, refused);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(entityManager,
                "select count(*) from inbox_event where consumer = ?1 and event_id = ?2", IssuanceEventsConsumer.CONSUMER,
                refused.id()) == 1);
        assertThat(count(entityManager, "select count(*) from refund where order_no = ?1", orderNo)).isZero();
        assertThat(order(orderNo)).containsEntry("status", "UNPAID");
    }

    /** Runs {@code task} on {@code n} threads released together; their results. */
    private static <T> List<T> atOnce(int n, Callable<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** An order paid through the mini-program and recorded from the platform's notify. */
    private String paidWithAlipay() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = FeeServiceTestSupport.openOrder(entityManager, citizen, HALL, LocalDate.now());
        given().auth().oauth2(citizen).header("Idempotency-Key", "key-" + orderNo).contentType(ContentType.JSON)
                .body(Map.of("buyerOpenId", "open-zhangwei"))
                .post("/api/v1/fees/orders/{no}/alipay", orderNo).then().statusCode(200);
        given().post("/simulator/alipay/trades/{no}/pay", orderNo).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PAID".equals(order(orderNo).get("status")));
        return orderNo;
    }

    private String paidAtCounter(String officer) {
        String orderNo = FeeServiceTestSupport.openOrder(entityManager, KeycloakTokens.password("zhangwei"), HALL, LocalDate.now());
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("amountFen", 9000, "receiptNo", "CNT-" + orderNo))
                .post("/api/v1/fees/orders/{no}/counter-payments", orderNo).then().statusCode(200);
        return orderNo;
    }

    private static ValidatableResponse approve(String token, String orderNo, String refundNo, String idempotencyKey) {
        var request = given().auth().oauth2(token);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/fees/orders/{no}/refunds/{refund}/approval", orderNo, refundNo).then();
    }

    private static ValidatableResponse withdraw(String token, String orderNo, String refundNo, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/fees/orders/{no}/refunds/{refund}/withdrawal", orderNo, refundNo).then();
    }

    private static void fault(String refundNo, String kind, int times) {
        given().post("/simulator/alipay/refunds/{no}/faults?kind={kind}&times={times}", refundNo, kind, times).then()
                .statusCode(204);
    }

    /** As if the platform was last asked three minutes ago (past the reconciliation's minimum age). */
    private void age(String refundNo) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update refund set attempted_at = attempted_at - interval '3 minutes' where refund_no = ?1")
                .setParameter(1, refundNo).executeUpdate());
    }

    private void insertAgedIntent(String orderNo, String refundNo, long amountFen) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into refund (refund_no, order_no, amount_fen, reason, requested_by, status, requested_at, attempted_at)
                        values (?1, ?2, ?3, ?4, 'officer.bj', 'REQUESTED', now() - interval '5 minutes', now() - interval '5 minutes')""")
                .setParameter(1, refundNo).setParameter(2, orderNo).setParameter(3, amountFen).setParameter(4, REASON)
                .executeUpdate());
    }

    private String status(String refundNo) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select status from refund where refund_no = ?1").setParameter(1, refundNo).getSingleResult());
    }

    private static ValidatableResponse refund(String token, String orderNo, String refundNo, long fen) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("refundNo", refundNo, "amountFen", fen, "reason", REASON))
                .post("/api/v1/fees/orders/{no}/refunds", orderNo).then();
    }

    private static Map<String, Object> order(String orderNo) {
        return given().auth().oauth2(KeycloakTokens.password("admin")).get("/api/v1/fees/orders/{no}", orderNo).then()
                .statusCode(200).extract().jsonPath().getMap("");
    }

    private static String applicationOf(String orderNo) {
        return (String) order(orderNo).get("applicationNo");
    }
}
