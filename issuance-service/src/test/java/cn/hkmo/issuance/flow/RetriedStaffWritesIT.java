package cn.hkmo.issuance.flow;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.issuance.DecisionApproved;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitCollected;
import cn.hkmo.contracts.issuance.PermitDelivered;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.issuance.support.Events;
import cn.hkmo.issuance.support.Users;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Staff writes a client retries after a lost answer, with the optional {@code Idempotency-Key} (the kit's
 * {@code IdempotencyKeys}): the same key and request replay the first answer with {@code Idempotent-Replayed: true}
 * and change nothing again; the same key for another request is a 422; without a key a repeat is refused as before;
 * a key is its caller's alone. Real tokens, real database and broker; the clock reads Friday 9 October 2026.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "issuance"))
class RetriedStaffWritesIT {

    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String ZHANGWEI_ID = "110105199003071239";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    private static String citizen;
    private static String reviewer;
    private static String supervisor;
    private static String officer;

    @BeforeAll
    static void tokens() {
        citizen = Users.token("zhangwei");
        reviewer = Users.token("reviewer.bj");
        supervisor = Users.token("supervisor");
        officer = Users.token("officer.bj");
    }

    @Test
    void a_retried_approval_is_replayed_and_approves_once() {
        String no = openCase(true);
        String other = openCase(true);
        String key = UUID.randomUUID().toString();

        approve(reviewer, key, no).statusCode(204).header(REPLAYED, nullValue());
        approve(reviewer, key, no).statusCode(204).header(REPLAYED, "true");

        // the key stands for this case: used for another one it is refused, and that case stays undecided
        approve(reviewer, key, other).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        as(supervisor).get("/api/v1/cases/{no}", other).then().body("decision", equalTo("PENDING"));
        // without a key a repeat is what it was: the case is decided
        approve(reviewer, null, no).statusCode(409).body("code", equalTo("CASE_ALREADY_DECIDED"));
        // another staff member's request with the same key is theirs, not a replay of the reviewer's answer
        approve(supervisor, key, no).statusCode(409).body("code", equalTo("CASE_ALREADY_DECIDED")).header(REPLAYED, nullValue());

        assertThat(outboxEvents(no, DecisionApproved.TYPE)).as("one decision.approved").isEqualTo(1);
        assertThat(column(no, "reviewer")).as("approved once, by the reviewer").isEqualTo(Users.subjectOf(reviewer));
        as(citizen).get("/api/v1/cases/{no}", no).then().body("decision", equalTo("APPROVED"));
    }

    @Test
    void concurrent_twins_of_an_approval_wait_for_the_first_and_get_its_answer() throws Exception {
        String no = openCase(true);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> twins = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> approve(reviewer, key, no).extract(), pool))
                    .toList();
            List<ExtractableResponse<Response>> answers = twins.stream().map(CompletableFuture::join).toList();
            assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(204);
            assertThat(answers).filteredOn(a -> a.header(REPLAYED) == null).as("one first answer").hasSize(1);
            assertThat(answers).filteredOn(a -> "true".equals(a.header(REPLAYED))).as("three replays").hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outboxEvents(no, DecisionApproved.TYPE)).as("one decision.approved").isEqualTo(1);
    }

    @Test
    void a_retried_refusal_replays_the_same_decision_document() {
        String no = openCase(true);
        String key = UUID.randomUUID().toString();
        Map<String, Object> refusal = Map.of("reasons", List.of("提交的亲属关系证明材料不真实"),
                "legalBasis", "《中华人民共和国出境入境管理法》第十二条");

        String first = refuse(reviewer, key, no, refusal).statusCode(201).header(REPLAYED, nullValue()).extract().asString();
        String again = refuse(reviewer, key, no, refusal).statusCode(201).header(REPLAYED, "true").extract().asString();
        assertThat(again).as("the same decision document, byte for byte").isEqualTo(first);

        refuse(reviewer, key, no, Map.of("reasons", List.of("另一理由"))).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        refuse(reviewer, null, no, refusal).statusCode(409).body("code", equalTo("CASE_ALREADY_DECIDED"));
        refuse(supervisor, key, no, refusal).statusCode(409).body("code", equalTo("CASE_ALREADY_DECIDED"))
                .header(REPLAYED, nullValue());

        assertThat(outboxEvents(no, DecisionRefused.TYPE)).as("one decision.refused").isEqualTo(1);
        String decisionNo = JsonPath.from(first).getString("decisionNo");
        assertThat(column(no, "decision_no")).as("one decision number").isEqualTo(decisionNo);
        as(citizen).get("/api/v1/cases/{no}/refusal", no).then().statusCode(200).body("decisionNo", equalTo(decisionNo));
    }

    @Test
    void a_retried_collection_replays_the_collected_case_and_hands_over_once() {
        String no = openCase(false);
        Events.send(Topics.PAYMENTS, payment(no));
        approve(reviewer, null, no).statusCode(204);
        awaitStatus(no, "READY_FOR_COLLECTION");
        String key = UUID.randomUUID().toString();
        Map<String, Object> applicant = Map.of("collector", "APPLICANT", "idNumber", ZHANGWEI_ID);

        String first = collect(officer, key, no, applicant).statusCode(200).header(REPLAYED, nullValue())
                .body("status", equalTo("COLLECTED")).extract().asString();
        String again = collect(officer, key, no, applicant).statusCode(200).header(REPLAYED, "true").extract().asString();
        assertThat(again).as("the same case view, byte for byte").isEqualTo(first);

        collect(officer, key, no, Map.of("collector", "PROXY", "idNumber", "310104195806120025", "proxyName", "李娜"))
                .statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        collect(officer, null, no, applicant).statusCode(409).body("code", equalTo("NOT_READY_FOR_COLLECTION"));
        // an officer of another hall with the same key: their own request, refused for their scope
        collect(Users.token("officer.sh"), key, no, applicant).statusCode(403).body("code", equalTo("OTHER_HALL"));

        assertThat(outboxEvents(no, PermitCollected.TYPE)).as("one permit.collected").isEqualTo(1);
        as(citizen).get("/api/v1/cases/{no}", no).then().body("delivery.collectedByProxy", equalTo(false));
    }

    @Test
    void a_retried_dispatch_is_replayed_and_a_key_reused_for_another_waybill_is_refused() {
        String no = openCase(true);
        Events.send(Topics.PAYMENTS, payment(no));
        approve(reviewer, null, no).statusCode(204);
        awaitStatus(no, "ISSUED");
        String courier = Users.courier();
        String key = UUID.randomUUID().toString();

        dispatch(courier, key, no, "1180123456789").statusCode(204).header(REPLAYED, nullValue());
        dispatch(courier, key, no, "1180123456789").statusCode(204).header(REPLAYED, "true");
        dispatch(courier, key, no, "1180999999999").statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // without a key the courier's repeat stays harmless, and another waybill is still a mismatch
        dispatch(courier, null, no, "1180123456789").statusCode(204).header(REPLAYED, nullValue());
        dispatch(courier, null, no, "1180999999999").statusCode(409).body("code", equalTo("WAYBILL_MISMATCH"));

        assertThat(outboxEvents(no, PermitDispatched.TYPE)).as("one permit.dispatched").isEqualTo(1);

        String deliveryKey = UUID.randomUUID().toString();
        as(courier, deliveryKey).body(Map.of("waybillNo", "1180123456789")).post("/api/v1/courier/mailings/{no}/delivery", no)
                .then().statusCode(204).header(REPLAYED, nullValue());
        as(courier, deliveryKey).body(Map.of("waybillNo", "1180123456789")).post("/api/v1/courier/mailings/{no}/delivery", no)
                .then().statusCode(204).header(REPLAYED, "true");
        assertThat(outboxEvents(no, PermitDelivered.TYPE)).as("one permit.delivered").isEqualTo(1);
    }

    @Test
    void a_retried_extension_replays_the_new_deadline_and_extends_once() {
        String no = openCase(true);
        String key = UUID.randomUUID().toString();
        Map<String, Object> extension = Map.of("workingDays", 20, "approvalNo", "京公出入境延字〔2026〕第13号",
                "approvedBy", "北京市公安局出入境管理总队", "reason", "制证系统故障");
        String extend = "/api/v1/cases/{no}/extension";

        String first = as(supervisor, key).body(extension).post(extend, no).then().statusCode(200).header(REPLAYED, nullValue())
                .body("deadline", equalTo("2026-11-04")).extract().asString();
        String again = as(supervisor, key).body(extension).post(extend, no).then().statusCode(200).header(REPLAYED, "true")
                .extract().asString();
        assertThat(again).isEqualTo(first);
        as(supervisor, key).body(Map.of("workingDays", 19, "approvalNo", "x", "approvedBy", "y", "reason", "z")).post(extend, no)
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        as(supervisor).body(extension).post(extend, no).then().statusCode(422).body("code", equalTo("EXTENSION_NOT_LONGER"));
        as(citizen).get("/api/v1/timeline/{no}", no).then().statusCode(200)
                .body("steps.findAll { it.step == 'DEADLINE_EXTENDED' }.size()", equalTo(1));
    }

    @Test
    void the_api_documents_the_optional_key_on_every_staff_write() {
        var api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String operation : List.of("'/api/v1/cases/{applicationNo}/approval'.post",
                "'/api/v1/cases/{applicationNo}/refusal'.post", "'/api/v1/cases/{applicationNo}/collection'.post",
                "'/api/v1/cases/{applicationNo}/extension'.post", "'/api/v1/courier/mailings/{applicationNo}/dispatch'.post",
                "'/api/v1/courier/mailings/{applicationNo}/delivery'.post")) {
            String path = "paths." + operation;
            List<Map<String, Object>> parameters = api.getList(path + ".parameters");
            assertThat(parameters).as(operation)
                    .anySatisfy(p -> {
                        assertThat(p).containsEntry("name", "Idempotency-Key").containsEntry("in", "header");
                        assertThat(p.get("required")).isNotEqualTo(true);
                        assertThat((String) p.get("description")).contains("Idempotent-Replayed");
                    });
            assertThat(api.getMap(path + ".responses")).as(operation).containsKey("422");
            assertThat(api.getString(path + ".responses.'422'.description")).as(operation).contains("IDEMPOTENCY_KEY_REUSED");
            assertThat(api.getString(path + ".description")).as(operation).contains("Idempotency-Key");
        }
        // answered through a Response: the documented statuses are the real ones, no default 200 beside them
        assertThat(api.getMap("paths.'/api/v1/cases/{applicationNo}/approval'.post.responses")).containsKey("204")
                .doesNotContainKey("200");
        assertThat(api.getMap("paths.'/api/v1/cases/{applicationNo}/refusal'.post.responses")).containsKey("201")
                .doesNotContainKey("200");
        assertThat(api.getString("paths.'/api/v1/cases/{applicationNo}/collection'.post.responses.'200'.content."
                + "'application/json'.schema.$ref")).endsWith("CaseView");
    }

    // ------------------------------------------------------------------ helpers

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String token, String key) {
        RequestSpecification request = as(token);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    private static ValidatableResponse approve(String token, String key, String no) {
        return as(token, key).post("/api/v1/cases/{no}/approval", no).then();
    }

    private static ValidatableResponse refuse(String token, String key, String no, Object body) {
        return as(token, key).body(body).post("/api/v1/cases/{no}/refusal", no).then();
    }

    private static ValidatableResponse collect(String token, String key, String no, Object body) {
        return as(token, key).body(body).post("/api/v1/cases/{no}/collection", no).then();
    }

    private static ValidatableResponse dispatch(String token, String key, String no, String waybill) {
        return as(token, key).body(Map.of("waybillNo", waybill)).post("/api/v1/courier/mailings/{no}/dispatch", no).then();
    }

    /** A Beijing case of 张伟, accepted Thursday 8 October, opened and waiting for review. */
    private static String openCase(boolean emsDelivery) {
        String no = Events.unique("I");
        ApplicationAccepted accepted = Events.accepted(no, Events.unique("B"), Users.zhangwei(citizen), "BJ-CHAOYANG", "110105",
                LocalDate.of(2026, 10, 8), true, null, emsDelivery ? Events.ems() : Events.hall());
        Events.send(Topics.APPLICATIONS, Events.envelope(ApplicationAccepted.TYPE, "/eligibility-service", no, accepted));
        awaitStatus(no, "OPENED");
        return no;
    }

    private EventEnvelope payment(String no) {
        return Events.envelope(PaymentCompleted.TYPE, "/fee-service", no,
                new PaymentCompleted(no, "O" + no, 7500, "ALIPAY", "T" + no, OffsetDateTime.now(clock)));
    }

    private static void awaitStatus(String no, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor).get("/api/v1/cases/{no}", no)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    /** Rows the write left in the outbox: each state change writes exactly one. */
    private int outboxEvents(String no, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where message_key = :no and type = :type")
                .setParameter("no", no).setParameter("type", type).getSingleResult()).intValue());
    }

    private String column(String no, String column) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "select " + column + " from case_file where application_no = :no")
                .setParameter("no", no).getSingleResult());
    }
}
