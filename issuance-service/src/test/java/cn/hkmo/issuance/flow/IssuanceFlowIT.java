package cn.hkmo.issuance.flow;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.issuance.CaseOpened;
import cn.hkmo.contracts.issuance.DecisionApproved;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitDelivered;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.issuance.support.Events;
import cn.hkmo.issuance.support.Users;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.platform.test.PdfText;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Cases against the real platform: events produced straight onto the topics out of order and twice,
 * decisions and deliveries through the API with real tokens. The clock reads Friday 9 October 2026.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "issuance"))
class IssuanceFlowIT {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataCipher cipher;

    private static String citizen;
    private static String reviewer;
    private static String supervisor;

    @BeforeAll
    static void tokens() { // Keycloak only: RestAssured is not set up yet here
        citizen = Users.token("zhangwei");
        reviewer = Users.token("reviewer.bj");
        supervisor = Users.token("supervisor");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static EventEnvelope acceptance(String applicationNo, String bookingNo, LocalDate acceptedOn, boolean emsDelivery) {
        ApplicationAccepted accepted = Events.accepted(applicationNo, bookingNo, Users.zhangwei(citizen), "BJ-CHAOYANG", "110105",
                acceptedOn, true, null, emsDelivery ? Events.ems() : Events.hall());
        return Events.envelope(ApplicationAccepted.TYPE, "/eligibility-service", applicationNo, accepted);
    }

    /** Paid now by the service's (pinned) clock, so the timeline sees it in its true place. */
    private EventEnvelope payment(String applicationNo) {
        return Events.envelope(PaymentCompleted.TYPE, "/fee-service", applicationNo,
                new PaymentCompleted(applicationNo, "O" + applicationNo, 7500, "ALIPAY", "T" + applicationNo,
                        OffsetDateTime.now(clock)));
    }

    private static void awaitStatus(String applicationNo, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor).get("/api/v1/cases/{no}", applicationNo)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    private static void awaitPaid(String applicationNo) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor).get("/api/v1/cases/{no}", applicationNo)
                .then().statusCode(200).body("paid", equalTo(true)));
    }

    @Test
    void payment_overtaking_the_acceptance_both_twice_then_approval_issues_once() {
        String no = Events.unique("A");
        EventEnvelope paid = payment(no);
        EventEnvelope accepted = acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true);
        Events.send(Topics.PAYMENTS, paid);
        Events.send(Topics.PAYMENTS, paid);
        Events.send(Topics.APPLICATIONS, accepted);
        Events.send(Topics.APPLICATIONS, accepted);
        awaitPaid(no);

        // accepted Thu 8 Oct 2026: Fri 9 (1), Sat 10 make-up (2), Mon 12 (3) … Fri 16 (7)
        as(citizen).get("/api/v1/cases/{no}", no).then().statusCode(200)
                .body("status", equalTo("OPENED"))
                .body("deadline.date", equalTo("2026-10-16"))
                .body("deadline.basis", equalTo("HUKOU_WORKING_DAYS"))
                .body("applicant.residentId", equalTo("110105********1239"))
                .body("delivery.mobile", equalTo("138****0001"))
                .body("permit", nullValue());

        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(204);

        as(citizen).get("/api/v1/cases/{no}", no).then().statusCode(200)
                .body("status", equalTo("ISSUED"))
                .body("permit.permitNo", matchesPattern("C[0-9A-HJ-NP-Z]{8}"))
                .body("permit.cardType", equalTo("ELECTRONIC_CARD"))
                .body("permit.validFrom", equalTo("2026-10-09"))
                .body("permit.validUntil", equalTo("2036-10-08"))
                .body("permit.endorsements[0].letter", equalTo("G"))
                .body("permit.endorsements[0].destination", equalTo("HK"))
                .body("permit.endorsements[0].validUntil", equalTo("2027-10-08"))
                .body("permit.endorsements[0].entries", equalTo("SINGLE"))
                .body("permit.endorsements[0].maxStayDays", equalTo(7));

        Events.send(Topics.PAYMENTS, paid);
        Events.send(Topics.APPLICATIONS, accepted);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Events.publishedTypes(Topics.ISSUANCE, no))
                .containsExactly(CaseOpened.TYPE, DecisionApproved.TYPE, PermitIssued.TYPE));
    }

    @Test
    void approval_first_then_payment_twice_issues_once() {
        String no = Events.unique("A");
        Events.send(Topics.APPLICATIONS, acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true));
        awaitStatus(no, "OPENED");
        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(204);
        as(citizen).get("/api/v1/cases/{no}", no).then().body("status", equalTo("OPENED")).body("decision", equalTo("APPROVED"));

        EventEnvelope paid = payment(no);
        Events.send(Topics.PAYMENTS, paid);
        Events.send(Topics.PAYMENTS, paid);
        awaitStatus(no, "ISSUED");
        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(409).body("code", equalTo("CASE_ALREADY_DECIDED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Events.publishedTypes(Topics.ISSUANCE, no))
                .containsExactly(CaseOpened.TYPE, DecisionApproved.TYPE, PermitIssued.TYPE));
    }

    @Test
    void refusal_is_final_whatever_payments_arrive_and_the_citizen_reads_the_decision() {
        String no = Events.unique("A");
        Events.send(Topics.APPLICATIONS, acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true));
        awaitStatus(no, "OPENED");
        as(reviewer).body(Map.of("reasons", List.of("提交的亲属关系证明材料不真实"), "legalBasis", "《中华人民共和国出境入境管理法》第十二条"))
                .post("/api/v1/cases/{no}/refusal", no).then().statusCode(201)
                .body("decisionNo", matchesPattern("110000-2026-\\d{6}"))
                .body("reasons", contains("提交的亲属关系证明材料不真实"))
                .body("remedies", not(nullValue()))
                .body("refund.status", equalTo("NOTHING_PAID"));

        EventEnvelope paid = payment(no);
        Events.send(Topics.PAYMENTS, paid);
        Events.send(Topics.PAYMENTS, paid);
        awaitPaid(no); // the payment is recorded (fee-service refunds it), nothing is issued
        as(citizen).get("/api/v1/cases/{no}", no).then().body("status", equalTo("REFUSED")).body("permit", nullValue());
        String code = as(citizen).get("/api/v1/cases/{no}/refusal", no).then().statusCode(200)
                .body("reasons", contains("提交的亲属关系证明材料不真实"))
                .body("residentId", equalTo("110105********1239"))
                .body("refund.status", equalTo("REFUND_UNDER_WAY"))
                .body("refund.paidFen", equalTo(7500))
                .body("refund.dueFen", equalTo(7500))
                .body("issuingAuthority.zh", equalTo("北京市公安局出入境管理总队"))
                .extract().path("verificationCode");
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");

        // fee-service's refund of the refusal settles: the decision says the fee went back
        Events.send(Topics.PAYMENTS, Events.envelope(PaymentRefunded.TYPE, "/fee-service", no,
                new PaymentRefunded(no, "O" + no, "REFUSAL_" + no, 7500, "申请不予批准", OffsetDateTime.now(clock))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(citizen).get("/api/v1/cases/{no}/refusal", no)
                .then().statusCode(200).body("refund.status", equalTo("REFUNDED")).body("refund.refundedFen", equalTo(7500))
                .body("refund.dueFen", equalTo(0)).body("verificationCode", equalTo(code)));
        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(409).body("code", equalTo("CASE_ALREADY_DECIDED"));
        as(citizen).body(Map.of("method", "HALL")).put("/api/v1/cases/{no}/delivery-method", no).then().statusCode(409)
                .body("code", equalTo("DELIVERY_CHANGE_CLOSED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Events.publishedTypes(Topics.ISSUANCE, no))
                .containsExactly(CaseOpened.TYPE, DecisionRefused.TYPE));
    }

    @Test
    void the_refusal_is_printed_with_its_authority_and_a_code_anyone_can_verify() {
        String no = Events.unique("A");
        Events.send(Topics.APPLICATIONS, acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true));
        awaitStatus(no, "OPENED");
        String decisionNo = as(reviewer).body(Map.of("reasons", List.of("提交的亲属关系证明材料不真实"),
                        "legalBasis", "《中华人民共和国出境入境管理法》第十二条"))
                .post("/api/v1/cases/{no}/refusal", no).then().statusCode(201).extract().path("decisionNo");
        String code = as(citizen).get("/api/v1/cases/{no}/refusal", no).then().extract().path("verificationCode");

        byte[] pdf = as(citizen).get("/api/v1/cases/{no}/refusal.pdf", no).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text = PdfText.of(pdf);
        assertThat(text).contains("北京市公安局出入境管理总队", "不予批准决定书", decisionNo, "110105********1239", code,
                "/api/v1/verifications/refusal-decisions/" + code, "提交的亲属关系证明材料不真实", "第十二条", "行政复议", "行政诉讼")
                .doesNotContain("110105199003071239");
        assertThat(PdfText.of(as(reviewer).get("/api/v1/cases/{no}/refusal.pdf", no).then().statusCode(200)
                .extract().asByteArray())).as("a reprint says what the first print said").contains(code, decisionNo);

        given().get("/api/v1/verifications/refusal-decisions/{code}", code.toLowerCase().replace("-", "")).then()
                .statusCode(200)
                .body("genuine", equalTo(true))
                .body("type", equalTo("REFUSAL_DECISION"))
                .body("number", equalTo(decisionNo))
                .body("issuingAuthority.zh", equalTo("北京市公安局出入境管理总队"))
                .body("applicant", equalTo("张*"))
                .body("residentId", equalTo("110105********1239"))
                .body("issuedAt", endsWith("+08:00"))
                .body("$", not(hasKey("reasons")));
        given().get("/api/v1/verifications/refusal-decisions/{code}", "0000-0000-0000-0000").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("DOCUMENT_NOT_FOUND"));
        as(Users.token("lina")).get("/api/v1/cases/{no}/refusal.pdf", no).then().statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void a_refund_before_approval_holds_issuance_until_paid_again() {
        String no = Events.unique("A");
        Events.send(Topics.PAYMENTS, payment(no));
        Events.send(Topics.PAYMENTS, Events.envelope(PaymentRefunded.TYPE, "/fee-service", no,
                new PaymentRefunded(no, "O" + no, "RF" + no, 7500, "申请人撤回", OffsetDateTime.now(clock))));
        Events.send(Topics.APPLICATIONS, acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true));
        awaitStatus(no, "OPENED");
        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(204);
        as(citizen).get("/api/v1/cases/{no}", no).then().body("status", equalTo("OPENED")).body("paid", equalTo(false));

        Events.send(Topics.PAYMENTS, Events.envelope(PaymentCompleted.TYPE, "/fee-service", no,
                new PaymentCompleted(no, "O2" + no, 7500, "WECHAT", "T2" + no, OffsetDateTime.now(clock))));
        awaitStatus(no, "ISSUED");
    }

    @Test
    void a_partial_refund_arriving_first_and_twice_leaves_the_case_unpaid_until_the_fee_is_covered_again() {
        String no = Events.unique("A");
        String refundNo = "RF" + no;
        PaymentRefunded partial = new PaymentRefunded(no, "O" + no, refundNo, 7499, "申请人撤回", OffsetDateTime.now(clock));
        // the refund overtakes everything, and is published twice (two envelopes: the inbox lets both through)
        Events.send(Topics.PAYMENTS, Events.envelope(PaymentRefunded.TYPE, "/fee-service", no, partial));
        Events.send(Topics.PAYMENTS, Events.envelope(PaymentRefunded.TYPE, "/fee-service", no, partial));
        Events.send(Topics.PAYMENTS, payment(no));
        Events.send(Topics.PAYMENTS, Events.envelope(FeeAssessed.TYPE, "/fee-service", no,
                new FeeAssessed(no, "O" + no, List.of(), 7500, Users.zhangwei(citizen).subject(), "BJ-CHAOYANG",
                        OffsetDateTime.now(clock))));
        Events.send(Topics.APPLICATIONS, acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(citizen).get("/api/v1/cases/{no}", no).then()
                .statusCode(200).body("payment.feeFen", equalTo(7500)).body("payment.paidFen", equalTo(7500)));
        as(citizen).get("/api/v1/cases/{no}", no).then().body("paid", equalTo(false))
                .body("payment.refundedFen", equalTo(7499));
        as(citizen).get("/api/v1/timeline/{no}", no).then().statusCode(200).body("paid", equalTo(false));

        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(204);
        as(citizen).get("/api/v1/cases/{no}", no).then().body("status", equalTo("OPENED")).body("permit", nullValue());

        Events.send(Topics.PAYMENTS, Events.envelope(PaymentCompleted.TYPE, "/fee-service", no,
                new PaymentCompleted(no, "O" + no, 7500, "COUNTER", "T2" + no, OffsetDateTime.now(clock))));
        awaitStatus(no, "ISSUED");
        as(citizen).get("/api/v1/cases/{no}", no).then().body("paid", equalTo(true))
                .body("payment.paidFen", equalTo(15000)).body("payment.refundedFen", equalTo(7499));
    }

    @Test
    void ems_from_booking_to_delivery_on_the_timeline() {
        String no = Events.unique("A");
        String booking = Events.unique("B");
        OffsetDateTime bookedAt = OffsetDateTime.parse("2026-10-01T20:00:00+08:00");
        Events.send(Topics.APPOINTMENTS, Events.envelope(BookingBooked.TYPE, "/appointment-service", booking,
                new BookingBooked(booking, Users.zhangwei(citizen), "BJ-CHAOYANG", LocalDate.of(2026, 10, 8), LocalTime.of(9, 0),
                        LocalTime.of(9, 30), "110105", false, ApplicationCategory.FIRST_APPLICATION, List.of(), Events.ems(), null,
                        "hkmo-h5", bookedAt)));
        Events.send(Topics.APPOINTMENTS, Events.envelope(BookingCheckedIn.TYPE, "/appointment-service", booking,
                new BookingCheckedIn(booking, Users.subjectOf(citizen), "BJ-CHAOYANG", "officer.bj",
                        OffsetDateTime.parse("2026-10-08T09:05:00+08:00"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(citizen).get("/api/v1/timeline/{no}", booking)
                .then().statusCode(200).body("steps.step", contains("BOOKED", "CHECKED_IN")).body("targetDate", nullValue()));

        Events.send(Topics.APPLICATIONS, acceptance(no, booking, LocalDate.of(2026, 10, 8), true));
        awaitStatus(no, "OPENED");
        Events.send(Topics.PAYMENTS, payment(no));
        awaitPaid(no);
        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(204);

        String courier = Users.courier();
        as(courier).get("/api/v1/courier/mailings?size=200").then().statusCode(200)
                .body("items.applicationNo", hasItem(no))
                .body("items.find { it.applicationNo == '" + no + "' }.address", equalTo("北京市朝阳区建国路1号"));
        // the courier's clock may run a little ahead, not a day: the timeline's order is the service's
        as(courier).body(Map.of("waybillNo", "1180123456789", "dispatchedAt", OffsetDateTime.now(clock).plusDays(1).toString()))
                .post("/api/v1/courier/mailings/{no}/dispatch", no).then().statusCode(422)
                .body("code", equalTo("REPORTED_TIME_IN_FUTURE"));
        Map<String, String> dispatch = Map.of("waybillNo", "1180123456789", "place", "北京朝阳邮政营业部");
        as(courier).body(dispatch).post("/api/v1/courier/mailings/{no}/dispatch", no).then().statusCode(204);
        as(courier).body(dispatch).post("/api/v1/courier/mailings/{no}/dispatch", no).then().statusCode(204);
        as(citizen).body(Map.of("method", "HALL")).put("/api/v1/cases/{no}/delivery-method", no).then().statusCode(409)
                .body("code", equalTo("DELIVERY_CHANGE_CLOSED"));
        // the scans on the way: posting and delivery have their own calls, a scan needs its place
        Map<String, String> inTransit = Map.of("waybillNo", "1180123456789", "status", "IN_TRANSIT", "place", "北京邮区中心局");
        as(courier).body(inTransit).post("/api/v1/courier/mailings/{no}/tracking", no).then().statusCode(204);
        as(courier).body(inTransit).post("/api/v1/courier/mailings/{no}/tracking", no).then().statusCode(204);
        as(courier).body(Map.of("waybillNo", "1180123456789", "status", "POSTED", "place", "北京邮区中心局"))
                .post("/api/v1/courier/mailings/{no}/tracking", no).then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as(courier).body(Map.of("waybillNo", "1180123456789", "status", "OUT_FOR_DELIVERY"))
                .post("/api/v1/courier/mailings/{no}/tracking", no).then().statusCode(400)
                .body("violations[0].field", equalTo("place"));
        as(courier).body(Map.of("waybillNo", "1180123456789", "status", "OUT_FOR_DELIVERY", "place", "北京朝阳投递部"))
                .post("/api/v1/courier/mailings/{no}/tracking", no).then().statusCode(204);
        as(courier).body(Map.of("waybillNo", "1180123456789", "place", "北京市朝阳区建国路1号"))
                .post("/api/v1/courier/mailings/{no}/delivery", no).then().statusCode(204);

        as(citizen).get("/api/v1/cases/{no}", no).then().statusCode(200)
                .body("delivery.tracking.status", contains("POSTED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"))
                .body("delivery.tracking.place", contains("北京朝阳邮政营业部", "北京邮区中心局", "北京朝阳投递部", "北京市朝阳区建国路1号"))
                .body("delivery.tracking[0].at", endsWith("+08:00"));
        as(citizen).get("/api/v1/timeline/{no}", no).then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("targetDate", equalTo("2026-10-16"))
                .body("steps.step", contains("BOOKED", "CHECKED_IN", "ACCEPTED", "UNDER_REVIEW", "PAID", "APPROVED", "ISSUED",
                        "DISPATCHED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"))
                .body("steps.find { it.step == 'DISPATCHED' }.details.waybillNo", equalTo("1180123456789"))
                .body("steps.find { it.step == 'DISPATCHED' }.details.place", equalTo("北京朝阳邮政营业部"))
                .body("steps.find { it.step == 'IN_TRANSIT' }.details.place", equalTo("北京邮区中心局"));
        as(Users.token("officer.bj")).get("/api/v1/timeline/{no}", no).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Events.publishedTypes(Topics.ISSUANCE, no))
                .containsExactly(CaseOpened.TYPE, DecisionApproved.TYPE, PermitIssued.TYPE, PermitDispatched.TYPE,
                        PermitDelivered.TYPE));
    }

    @Test
    void the_citizen_switches_to_hall_collection_and_a_proxy_collects_with_a_checked_id() {
        String no = Events.unique("A");
        Events.send(Topics.APPLICATIONS, acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true));
        Events.send(Topics.PAYMENTS, payment(no));
        awaitPaid(no);
        as(reviewer).post("/api/v1/cases/{no}/approval", no).then().statusCode(204);
        as(citizen).body(Map.of("method", "EMS")).put("/api/v1/cases/{no}/delivery-method", no).then().statusCode(400)
                .body("code", equalTo("EMS_ADDRESS_REQUIRED"));
        as(citizen).body(Map.of("method", "HALL")).put("/api/v1/cases/{no}/delivery-method", no).then().statusCode(200)
                .body("status", equalTo("READY_FOR_COLLECTION"));

        String officer = Users.token("officer.bj");
        as(officer).get("/api/v1/cases/ready-for-collection?size=200").then().statusCode(200).body("items.applicationNo", hasItem(no));
        as(Users.token("officer.sh")).body(Map.of("collector", "APPLICANT", "idNumber", "110105199003071239"))
                .post("/api/v1/cases/{no}/collection", no).then().statusCode(403).body("code", equalTo("OTHER_HALL"));
        as(officer).body(Map.of("collector", "APPLICANT", "idNumber", "310104195806120025"))
                .post("/api/v1/cases/{no}/collection", no).then().statusCode(422).body("code", equalTo("COLLECTOR_NOT_APPLICANT"));
        as(officer).body(Map.of("collector", "PROXY", "idNumber", "310104195806120026", "proxyName", "李娜"))
                .post("/api/v1/cases/{no}/collection", no).then().statusCode(400).body("code", equalTo("INVALID_RESIDENT_ID"));
        as(officer).body(Map.of("collector", "PROXY", "idNumber", "310104195806120025", "proxyName", "李娜"))
                .post("/api/v1/cases/{no}/collection", no).then().statusCode(200)
                .body("status", equalTo("COLLECTED"))
                .body("delivery.collectedByProxy", equalTo(true))
                .body("delivery.proxyResidentId", equalTo("310104********0025"));
        as(citizen).get("/api/v1/timeline/{no}", no).then().body("steps.step", hasItem("READY_FOR_COLLECTION"))
                .body("steps.step", hasItem("COLLECTED"));
    }

    @Test
    void personal_data_is_sealed_at_rest_and_what_was_sealed_before_reads_the_same() {
        String no = Events.unique("A");
        Events.send(Topics.APPLICATIONS, acceptance(no, Events.unique("B"), LocalDate.of(2026, 10, 8), true));
        awaitStatus(no, "OPENED");
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> Stream.of((Object[]) entityManager
                .createNativeQuery("select resident_id_sealed, recipient_sealed, mobile_sealed, address_sealed "
                        + "from case_file where application_no = :no").setParameter("no", no).getSingleResult())
                .map(String.class::cast).toList());
        assertThat(stored).allMatch(v -> v.matches("[^:]+:.+"), "sealed with a key id")
                .noneMatch(v -> v.contains("110105199003071239") || v.contains("张伟") || v.contains("13800000001")
                        || v.contains("建国路"));
        assertThat(stored.stream().map(cipher::decrypt))
                .containsExactly("110105199003071239", "张伟", "13800000001", "北京市朝阳区建国路1号");

        // the case file sealed its columns by hand with the same cipher until the converter did: such a row reads alike
        String before = cipher.encrypt("北京市朝阳区建国路2号");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update case_file set address_sealed = :address where application_no = :no")
                .setParameter("address", before).setParameter("no", no).executeUpdate());
        as(citizen).get("/api/v1/cases/{no}", no).then().statusCode(200)
                .body("delivery.address", equalTo("北京市朝阳区建国路2号"))
                .body("delivery.recipient", equalTo("张伟"));
    }

    @Test
    void supervisors_see_overdue_and_near_deadline_cases_and_record_an_extension() {
        String overdue = Events.unique("A");
        String near = Events.unique("A");
        String urgent = Events.unique("A");
        // accepted Fri 18 Sep: Sun 20 make-up (1) … Tue 29 Sep (7): overdue on 9 Oct
        Events.send(Topics.APPLICATIONS, acceptance(overdue, Events.unique("B"), LocalDate.of(2026, 9, 18), true));
        // accepted Wed 30 Sep: deadline Thu 15 Oct
        Events.send(Topics.APPLICATIONS, acceptance(near, Events.unique("B"), LocalDate.of(2026, 9, 30), true));
        Events.send(Topics.APPLICATIONS, Events.envelope(ApplicationAccepted.TYPE, "/eligibility-service", urgent,
                Events.accepted(urgent, Events.unique("B"), Users.zhangwei(citizen), "BJ-CHAOYANG", "110105",
                        LocalDate.of(2026, 10, 8), false, "奔丧", Events.ems())));
        awaitStatus(overdue, "OPENED");
        awaitStatus(near, "OPENED");
        awaitStatus(urgent, "OPENED");

        as(supervisor).get("/api/v1/cases/overdue?size=200").then().statusCode(200)
                .body("items.applicationNo", hasItem(overdue)).body("items.applicationNo", not(hasItem(near)));
        // 5 working days from Fri 9 Oct: Sat 10 (1), 12 (2), 13 (3), 14 (4), Thu 15 (5)
        as(supervisor).get("/api/v1/cases/near-deadline?workingDays=5&size=200").then().statusCode(200)
                .body("items.applicationNo", hasItem(near)).body("items.applicationNo", not(hasItem(overdue)));
        // 2 working days reach only Mon 12 Oct
        as(supervisor).get("/api/v1/cases/near-deadline?workingDays=2&size=200").then().statusCode(200)
                .body("items.applicationNo", not(hasItem(near)));

        as(supervisor).body(Map.of("workingDays", 20, "approvalNo", "京公出入境延字〔2026〕第12号", "approvedBy", "北京市公安局出入境管理总队",
                "reason", "制证系统故障")).post("/api/v1/cases/{no}/extension", near).then().statusCode(200)
                .body("deadline", equalTo("2026-11-03")).body("extended", equalTo(true));
        as(supervisor).body(Map.of("workingDays", 20, "approvalNo", "x", "approvedBy", "y", "reason", "z"))
                .post("/api/v1/cases/{no}/extension", urgent).then().statusCode(422).body("code", equalTo("EXTENSION_NOT_APPLICABLE"));
        as(supervisor).body(Map.of("workingDays", 21, "approvalNo", "x", "approvedBy", "y", "reason", "z"))
                .post("/api/v1/cases/{no}/extension", overdue).then().statusCode(422).body("code", equalTo("EXTENSION_OUT_OF_RANGE"));
        as(supervisor).get("/api/v1/cases/near-deadline?workingDays=5&size=200").then().body("items.applicationNo", not(hasItem(near)));
        as(citizen).get("/api/v1/timeline/{no}", near).then().body("targetDate", equalTo("2026-11-03"))
                .body("steps.step", hasItem("DEADLINE_EXTENDED"));

        // the urgent non-hukou case (8 Oct + 20 calendar days = 28 Oct) comes first in the queue, before earlier deadlines
        List<String> queue = as(reviewer).get("/api/v1/cases/review-queue?hallId=BJ-CHAOYANG&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.applicationNo");
        assertThat(queue.get(0)).isEqualTo(urgent);
        assertThat(queue.indexOf(overdue)).isLessThan(queue.indexOf(near));
        as(citizen).get("/api/v1/cases/{no}", urgent).then().body("deadline.date", equalTo("2026-10-28"));
    }
}
