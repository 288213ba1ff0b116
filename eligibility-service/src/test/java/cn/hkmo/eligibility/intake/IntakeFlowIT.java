package cn.hkmo.eligibility.intake;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.appointments.ReminderDue;
import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.contracts.common.EndorsementRequest;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.eligibility.booking.Booking;
import cn.hkmo.eligibility.booking.BookingStatus;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PartnerAuthorization;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import cn.hkmo.platform.test.PdfText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** The counter end to end: real PostgreSQL, Kafka and Keycloak, real tokens, events on the real topics. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
class IntakeFlowIT {

    private static final String ZHANGWEI = "110105199003071239";
    private static final String LIUYANG = "510107198804050051";
    private static final String PARTNER = "alipay-partner";
    private static final String PARTNER_SECRET = "alipay-partner-secret";
    private static final String PARTNER_CALLBACK = "http://localhost:8080/partner/callback";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Test
    @DisplayName("accepted: a receipt number and exactly one application.accepted with everything downstream needs")
    void accepted() {
        String bookingNo = checkedIn(ZHANGWEI, "zhangwei", "BJ-CHAOYANG", ApplicationCategory.FIRST_APPLICATION,
                List.of(new EndorsementRequest(Destination.HK, EndorsementType.L)));
        String officer = KeycloakTokens.password("officer.bj");

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("application", Map.of("endorsements", List.of(Map.of("destination", "HK", "type", "L"))),
                        "presented", List.of(Map.of("key", "APPLICATION_FORM"), Map.of("key", "PHOTO"), Map.of("key", "IDENTITY_DOCUMENT"))))
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(200)
                .body("suggestedDecision", equalTo("ACCEPTED"))
                .body("assessment.permit.validityYears", equalTo(10));

        String applicationNo = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPTED", "options", Map.of("HK-L", "P1Y/DOUBLE")))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(200)
                .body("applicationNo", matchesPattern("A\\d{8}110105[0-9A-HJKMNP-TV-Y]{11}"))
                .body("receiptNo", matchesPattern("R\\d{8}110105[0-9A-HJKMNP-TV-Y]{11}"))
                .extract().path("applicationNo");

        List<ConsumerRecord<String, String>> events = readFor(Topics.APPLICATIONS, applicationNo, Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
        EventEnvelope envelope = EventEnvelope.parse(events.get(0).value());
        assertThat(envelope.type()).isEqualTo(ApplicationAccepted.TYPE);
        ApplicationAccepted accepted = envelope.dataAs(ApplicationAccepted.class);
        assertThat(accepted.bookingNo()).isEqualTo(bookingNo);
        assertThat(accepted.applicant().residentId()).isEqualTo(ZHANGWEI);
        assertThat(accepted.hallRegion()).isEqualTo("110105");
        assertThat(accepted.hukouLocal()).isTrue();
        assertThat(accepted.permitValidityYears()).isEqualTo(10);
        assertThat(accepted.delivery().method()).isEqualTo(CollectionMethod.EMS);
        // the applicant's personal data is sealed at rest, and read back whole for the event
        assertThat(accepted.applicant().name()).isEqualTo("测试");
        assertThat(accepted.applicant().mobile()).isEqualTo("13800000000");
        assertThat(accepted.delivery().address()).isEqualTo("北京市朝阳区");
        Object[] stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select resident_id_encrypted, name, mobile, delivery_json from booking where booking_no = ?1")
                .setParameter(1, bookingNo).getSingleResult());
        assertThat(stored).allSatisfy(column -> assertThat((String) column).matches("[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+")
                .doesNotContain("13800000000").doesNotContain(ZHANGWEI.substring(6, 14)));
        assertThat(accepted.endorsements()).singleElement().satisfies(e -> {
            assertThat(e.validity()).isEqualTo("P1Y");
            assertThat(e.entries()).isEqualTo(Entries.DOUBLE);
            assertThat(e.maxStayDays()).isEqualTo(7);
        });

        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/intake/my/applications?size=100")
                .then().statusCode(200)
                .body("items.applicationNo", hasItem(applicationNo))
                .body("items.residentId", hasItem("110105********1239"))
                .body("page", equalTo(0)).body("size", equalTo(100));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(409).body("code", equalTo("INTAKE_ALREADY_DECIDED"))
                .body("detail", containsString("ACCEPTED"));
        printedReceipt(applicationNo, officer);
    }

    /** The receipt of an application officer.bj's hall accepted for zhangwei: printed, verifiable, only for its readers. */
    private static void printedReceipt(String applicationNo, String officer) {
        String receiptNo = given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/intake/my/applications?size=100")
                .then().extract().path("items.find { it.applicationNo == '" + applicationNo + "' }.receiptNo");
        String text = PdfText.of(given().auth().oauth2(KeycloakTokens.password("zhangwei"))
                .get("/api/v1/intake/my/applications/{no}/receipt.pdf", applicationNo)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        Matcher code = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(text).contains("北京市公安局出入境管理总队", "受理回执", receiptNo, applicationNo, "110105********1239",
                "香港 L 签注 1年二次", "/api/v1/verifications/receipts/" + code.group()).doesNotContain(ZHANGWEI);
        assertThat(PdfText.of(given().auth().oauth2(officer).get("/api/v1/intake/applications/{no}/receipt.pdf", applicationNo)
                .then().statusCode(200).extract().asByteArray())).as("the hall reprints the same receipt").contains(code.group());

        given().get("/api/v1/verifications/receipts/{code}", code.group()).then().statusCode(200)
                .body("genuine", equalTo(true)).body("type", equalTo("ACCEPTANCE_RECEIPT")).body("number", equalTo(receiptNo))
                .body("issuingAuthority.zh", equalTo("北京市公安局出入境管理总队")).body("applicant", matchesPattern(".\\*+"))
                .body("residentId", equalTo("110105********1239"));
        given().get("/api/v1/verifications/receipts/{code}", "ZZZZ-ZZZZ-ZZZZ-ZZZZ").then().statusCode(404)
                .body("code", equalTo("DOCUMENT_NOT_FOUND"));
        given().auth().oauth2(KeycloakTokens.password("liuyang")).get("/api/v1/intake/my/applications/{no}/receipt.pdf", applicationNo)
                .then().statusCode(404).body("code", equalTo("APPLICATION_NOT_FOUND"));
        given().auth().oauth2(KeycloakTokens.password("officer.sh")).get("/api/v1/intake/applications/{no}/receipt.pdf", applicationNo)
                .then().statusCode(403).body("code", equalTo("OTHER_HALL"));
    }

    @Test
    @DisplayName("the hall's region comes with the booking: a region this service never kept decides hukou-local and the numbers")
    void hallRegionFromTheBooking() {
        // BJ-CHAOYANG announced in Pudong (310115): nothing in this service may know better, so a Beijing hukou is non-local
        String bookingNo = checkedIn(ZHANGWEI, "zhangwei", "BJ-CHAOYANG", "310115", ApplicationCategory.FIRST_APPLICATION, List.of());
        String officer = KeycloakTokens.password("officer.bj");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("application", Map.of(),
                        "presented", List.of(Map.of("key", "APPLICATION_FORM"), Map.of("key", "PHOTO"), Map.of("key", "IDENTITY_DOCUMENT"))))
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(200)
                .body("suggestedDecision", equalTo("ACCEPTED"))
                .body("assessment.processing.hukouLocal", equalTo(false));
        String applicationNo = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(200)
                .body("applicationNo", matchesPattern("A\\d{8}310115[0-9A-HJKMNP-TV-Y]{11}"))
                .extract().path("applicationNo");
        ApplicationAccepted accepted = EventEnvelope.parse(readFor(Topics.APPLICATIONS, applicationNo, Duration.ZERO).get(0).value())
                .dataAs(ApplicationAccepted.class);
        assertThat(accepted.hallId()).isEqualTo("BJ-CHAOYANG");
        assertThat(accepted.hallRegion()).isEqualTo("310115");
        assertThat(accepted.hukouLocal()).isFalse();
        assertThat(((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select count(*) from information_schema.tables where table_name = 'hall' and table_schema = current_schema()")
                .getSingleResult())).intValue()).as("no copy of the halls").isZero();
    }

    @Test
    @DisplayName("a booking announced without hallRegion (older producer): a clear 409 at intake, never a 500; a re-announcement heals it")
    @SuppressWarnings("deprecation")
    void bookingWithoutHallRegion() {
        String subject = (String) KeycloakTokens.claims(KeycloakTokens.password("zhangwei")).get("sub");
        String bookingNo = "B" + UUID.randomUUID().toString().substring(0, 12);
        LocalDate birth = LocalDate.of(1990, 3, 7);
        OffsetDateTime now = OffsetDateTime.now();
        send(EventEnvelope.of(BookingBooked.TYPE, "/appointment-service", bookingNo, now, new BookingBooked(bookingNo,
                        new Applicant(subject, ZHANGWEI, "测试", "13800000000", birth), "BJ-CHAOYANG", LocalDate.now(), LocalTime.of(9, 0),
                        LocalTime.of(9, 30), "110105", false, ApplicationCategory.FIRST_APPLICATION, List.of(), null, null, "hkmo-h5", now)),
                EventEnvelope.of(BookingCheckedIn.TYPE, "/appointment-service", bookingNo, now,
                        new BookingCheckedIn(bookingNo, subject, "BJ-CHAOYANG", "officer", now)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bookingNo) == BookingStatus.CHECKED_IN);
        assertThat(booking(bookingNo).hallRegion).isNull();

        String officer = KeycloakTokens.password("officer.bj");
        Map<String, Object> materials = Map.of("application", Map.of(),
                "presented", List.of(Map.of("key", "APPLICATION_FORM"), Map.of("key", "PHOTO"), Map.of("key", "IDENTITY_DOCUMENT")));
        given().auth().oauth2(officer).get("/api/v1/intake/bookings?size=200")
                .then().statusCode(200).body("items.bookingNo", hasItem(bookingNo));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(materials)
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("HALL_REGION_UNKNOWN"));
        given().auth().oauth2(officer).header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("MATERIALS_NOT_RECORDED"));

        // appointment-service re-announces the booking (same hall) with its region; the counter can take it again
        send(EventEnvelope.of(BookingRescheduled.TYPE, "/appointment-service", bookingNo, now, new BookingRescheduled(bookingNo,
                        subject, "BJ-CHAOYANG", "110105", LocalDate.now(), LocalTime.of(9, 0), LocalTime.of(9, 30), "BJ-CHAOYANG",
                        LocalDate.now(), LocalTime.of(9, 0), now)),
                EventEnvelope.of(BookingCheckedIn.TYPE, "/appointment-service", bookingNo, now,
                        new BookingCheckedIn(bookingNo, subject, "BJ-CHAOYANG", "officer", now)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bookingNo) == BookingStatus.CHECKED_IN
                && "110105".equals(booking(bookingNo).hallRegion));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(materials)
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(200).body("suggestedDecision", equalTo("ACCEPTED"));
    }

    @Test
    @DisplayName("Idempotency-Key on the decision: a retried accept replays the receipt; one application, one application.accepted")
    void retriedDecision() {
        String bookingNo = checkedIn(ZHANGWEI, "zhangwei", "BJ-CHAOYANG", ApplicationCategory.FIRST_APPLICATION, List.of());
        String other = checkedIn(ZHANGWEI, "zhangwei", "BJ-CHAOYANG", ApplicationCategory.FIRST_APPLICATION, List.of());
        String officer = KeycloakTokens.password("officer.bj");
        for (String no : List.of(bookingNo, other)) {
            given().auth().oauth2(officer).contentType(ContentType.JSON)
                    .body(Map.of("application", Map.of(), "presented",
                            List.of(Map.of("key", "APPLICATION_FORM"), Map.of("key", "PHOTO"), Map.of("key", "IDENTITY_DOCUMENT"))))
                    .put("/api/v1/intake/bookings/{no}/materials", no)
                    .then().statusCode(200);
        }
        String key = UUID.randomUUID().toString();
        var first = given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(200).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue()).extract();
        String applicationNo = first.path("applicationNo");
        String receiptNo = first.path("receiptNo");
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("applicationNo", equalTo(applicationNo)).body("receiptNo", equalTo(receiptNo));

        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("decision", "NOT_ACCEPTED", "reason", "改变主意"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", other)
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(409).body("code", equalTo("INTAKE_ALREADY_DECIDED"))
                .body("detail", containsString("ACCEPTED"));

        assertThat(((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select count(*) from application where booking_no = :b").setParameter("b", bookingNo).getSingleResult())).intValue())
                .as("one receipt").isEqualTo(1);
        List<ConsumerRecord<String, String>> events = readFor(Topics.APPLICATIONS, applicationNo, Duration.ofSeconds(3));
        assertThat(events).as("one application.accepted").singleElement()
                .satisfies(record -> assertThat(EventEnvelope.parse(record.value()).type()).isEqualTo(ApplicationAccepted.TYPE));
    }

    @Test
    @DisplayName("incomplete: one notice lists every missing or wrong item; only its citizen can read it")
    void incomplete() {
        String bookingNo = checkedIn(LIUYANG, "liuyang", "CD-JINJIANG", ApplicationCategory.ENDORSEMENT_ONLY,
                List.of(new EndorsementRequest(Destination.HK, EndorsementType.T)));
        String officer = KeycloakTokens.password("officer.cd");
        Map<String, Object> application = Map.of(
                "currentPermit", Map.of("number", "C88600000", "form", "CARD", "expiry", LocalDate.now().plusYears(5).toString()),
                "endorsements", List.of(Map.of("destination", "HK", "type", "T",
                        "familyVisit", Map.of("relationship", "SPOUSE", "relativeStatus", "SETTLED"))));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("application", application, "presented", List.of(Map.of("key", "APPLICATION_FORM"),
                        Map.of("key", "KINSHIP_PROOF:SPOUSE", "acceptable", false, "note", "结婚证复印件不清晰"))))
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(200).body("suggestedDecision", equalTo("INCOMPLETE"));

        String noticeNo = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("decision", "INCOMPLETE"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(200)
                .body("noticeNo", matchesPattern("N\\d{8}510104[0-9A-HJKMNP-TV-Y]{11}"))
                .body("items.code", equalTo(List.of("MISSING:VALID_PERMIT", "MISSING:RELATIVE_HK_ID_CARD:HK",
                        "MISSING:RELATIVE_HOME_RETURN_PERMIT:HK", "DEFECTIVE:KINSHIP_PROOF:SPOUSE")))
                .body("items.region", equalTo(Arrays.asList(null, "HK", "HK", "HK")))
                .body("items[2].description", equalTo("缺少: 港澳居民来往内地通行证（香港）"))
                .body("items[2].descriptionEn", equalTo("Missing: Home-return permit (Hong Kong)"))
                .extract().path("noticeNo");

        given().auth().oauth2(KeycloakTokens.password("liuyang")).get("/api/v1/intake/my/notices/{no}", noticeNo)
                .then().statusCode(200).body("items.size()", equalTo(4));
        given().auth().oauth2(KeycloakTokens.password("liuyang")).get("/api/v1/intake/my/notices?size=100")
                .then().statusCode(200).body("items.noticeNo", hasItem(noticeNo));
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/intake/my/notices/{no}", noticeNo)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOTICE_NOT_FOUND"));
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/intake/my/notices?size=100")
                .then().statusCode(200).body("items.noticeNo", not(hasItem(noticeNo)));

        List<ConsumerRecord<String, String>> events = readFor(Topics.APPLICATIONS, bookingNo, Duration.ofSeconds(2));
        assertThat(events).singleElement().satisfies(record -> {
            CorrectionRequested notice = EventEnvelope.parse(record.value()).dataAs(CorrectionRequested.class);
            assertThat(notice.noticeNo()).isEqualTo(noticeNo);
            assertThat(notice.items()).hasSize(4);
            assertThat(notice.items().get(2).region()).isEqualTo(Destination.HK);
        });
    }

    @Test
    @DisplayName("not accepted: an individual tour outside the applicant's city is outside the office's remit")
    void notAccepted() {
        String bookingNo = checkedIn(LIUYANG, "liuyang", "CD-JINJIANG", ApplicationCategory.FIRST_APPLICATION, List.of());
        String officer = KeycloakTokens.password("officer.cd");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("application", Map.of("hukouRegion", "310104",
                                "endorsements", List.of(Map.of("destination", "HK", "type", "G"))),
                        "presented", List.of(Map.of("key", "APPLICATION_FORM"), Map.of("key", "PHOTO"), Map.of("key", "IDENTITY_DOCUMENT"))))
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(200).body("suggestedDecision", equalTo("NOT_ACCEPTED"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(409).body("code", equalTo("APPLICATION_NOT_ACCEPTABLE"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("decision", "NOT_ACCEPTED"))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(200).body("reasonCode", equalTo("OUTSIDE_REMIT"));
        assertThat(readFor(Topics.APPLICATIONS, bookingNo, Duration.ofSeconds(2))).singleElement()
                .satisfies(record -> assertThat(EventEnvelope.parse(record.value()).type()).isEqualTo("application.not-accepted.v1"));
    }

    @Test
    @DisplayName("an officer of another hall gets 403, whatever the body, and does not see the booking")
    void otherHall() {
        String bookingNo = checkedIn(ZHANGWEI, "zhangwei", "BJ-CHAOYANG", ApplicationCategory.FIRST_APPLICATION, List.of());
        String shanghai = KeycloakTokens.password("officer.sh");
        given().auth().oauth2(shanghai).get("/api/v1/intake/bookings?size=200")
                .then().statusCode(200).body("items.bookingNo", not(hasItem(bookingNo)));
        given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("application", Map.of(), "presented", List.of()))
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("NOT_YOUR_HALL"));
        // the hall before the body: an invalid body from another hall is still the 403, naming nothing of the booking
        for (String path : List.of("/api/v1/intake/bookings/{no}/materials", "/api/v1/intake/bookings/{no}/decision")) {
            given().auth().oauth2(shanghai).contentType(ContentType.JSON).body(Map.of())
                    .request(path.endsWith("materials") ? "PUT" : "POST", path, bookingNo)
                    .then().statusCode(403).body("code", equalTo("NOT_YOUR_HALL"))
                    .body(not(containsString("BJ-CHAOYANG"))).body(not(containsString("张伟")));
        }
        // at the booking's hall the same body is the validation answer
        given().auth().oauth2(KeycloakTokens.password("officer.bj")).contentType(ContentType.JSON).body(Map.of())
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItems("application", "presented"));
        given().auth().oauth2(KeycloakTokens.password("officer.bj")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("violations.field", hasItem("decision"));
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/intake/bookings")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    @DisplayName("a partner reads the citizen's notices and applications only with the citizen's booking consent")
    void partnerConsent() {
        try {
            String loginOnly = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid", PARTNER_CALLBACK)
                    .accessToken();
            String payingOnly = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid payment",
                    PARTNER_CALLBACK).accessToken();
            for (String token : List.of(loginOnly, payingOnly)) {
                // a notice number that does not exist gets the same 403: nothing to probe
                for (String path : List.of("/api/v1/intake/my/notices", "/api/v1/intake/my/applications",
                        "/api/v1/intake/my/notices/N-NO-SUCH-NOTICE")) {
                    given().auth().oauth2(token).get(path).then().statusCode(403).contentType("application/problem+json")
                            .body("code", equalTo("PARTNER_NOT_AUTHORISED"));
                }
            }
            String booking = PartnerAuthorization.authorize(PARTNER, PARTNER_SECRET, "zhangwei", "openid booking",
                    PARTNER_CALLBACK).accessToken();
            given().auth().oauth2(booking).get("/api/v1/intake/my/notices").then().statusCode(200);
            given().auth().oauth2(booking).get("/api/v1/intake/my/applications").then().statusCode(200);
            given().auth().oauth2(booking).get("/api/v1/intake/my/notices/N-NO-SUCH-NOTICE").then().statusCode(404)
                    .body("code", equalTo("NOTICE_NOT_FOUND"));
        } finally {
            withdrawPartnerConsent("zhangwei");
        }
    }

    /** Other scenarios expect the consent page on a first grant. */
    private static void withdrawPartnerConsent(String user) {
        PartnerAuthorization.revokeConsent(user, PARTNER);
    }

    @Test
    @DisplayName("the API documents the partner's 403 and the other hall's 403")
    void apiDocumentsTheRefusals() {
        var api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("'/api/v1/intake/my/notices'", "'/api/v1/intake/my/applications'",
                "'/api/v1/intake/my/notices/{noticeNo}'")) {
            assertThat(api.getString("paths." + path + ".get.responses.'403'.description")).as(path).contains("booking");
            assertThat(api.getMap("paths." + path + ".get.responses")).as(path).containsKey("200");
        }
        assertThat(api.getString("paths.'/api/v1/intake/bookings/{bookingNo}/materials'.put.responses.'403'.description"))
                .contains("NOT_YOUR_HALL");
        assertThat(api.getString("paths.'/api/v1/intake/bookings/{bookingNo}/decision'.post.responses.'403'.description"))
                .contains("NOT_YOUR_HALL");
    }

    @Test
    @DisplayName("a redelivered appointment event has one effect")
    void redelivery() {
        String bookingNo = "B" + UUID.randomUUID().toString().substring(0, 12);
        EventEnvelope booked = bookedEvent(bookingNo, ZHANGWEI, "sub-redelivery", "BJ-CHAOYANG", "110105",
                ApplicationCategory.FIRST_APPLICATION, List.of());
        EventEnvelope checkedIn = EventEnvelope.of(BookingCheckedIn.TYPE, "/appointment-service", bookingNo, OffsetDateTime.now(),
                new BookingCheckedIn(bookingNo, "sub-redelivery", "BJ-CHAOYANG", "officer", OffsetDateTime.now()));
        send(booked, checkedIn);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bookingNo) == BookingStatus.CHECKED_IN);
        OffsetDateTime changed = booking(bookingNo).updatedAt;

        EventEnvelope marker = EventEnvelope.of(ReminderDue.TYPE, "/appointment-service", bookingNo, OffsetDateTime.now(),
                new ReminderDue(bookingNo, "sub-redelivery", "BJ-CHAOYANG", LocalDate.now(), LocalTime.NOON, OffsetDateTime.now()));
        send(booked, checkedIn, booked, marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(marker.id()));
        assertThat(processed(booked.id())).isTrue();
        Booking after = booking(bookingNo);
        assertThat(after.status).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(after.updatedAt).isEqualTo(changed);
        assertThat(((Number) entityManager.createNativeQuery("select count(*) from inbox_event where event_id in (:a, :b)")
                .setParameter("a", booked.id()).setParameter("b", checkedIn.id()).getSingleResult()).intValue()).isEqualTo(2);
    }

    @Test
    @DisplayName("bad input gives problem+json with exact codes, never a 500")
    void badInput() {
        given().contentType(ContentType.JSON).body(Map.of("birthDate", "2999-01-01", "hukouRegion", "110105", "category", "FIRST_APPLICATION"))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("applicant.birthDate"))
                .body("violations[0].code", equalTo("BIRTH_DATE_IN_FUTURE"));
        given().contentType(ContentType.JSON).body(Map.of("residentId", "110105199003071230", "category", "FIRST_APPLICATION"))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(400).body("code", equalTo("INVALID_RESIDENT_ID"));
        given().contentType(ContentType.JSON).body(Map.of("birthDate", "1990-01-01", "category", "FIRST_APPLICATION",
                        "endorsements", List.of(Map.of("destination", "HK", "type", "X"))))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("endorsements[0].type")).body("violations[0].code", equalTo("NOT_ONE_OF"))
                .body("violations[0].message", equalTo("不是可选的值，可选：T, S, L, G, D, Q, TALENT。"));
        given().contentType(ContentType.JSON).body(Map.of("birthDate", "1990-01-01", "hukouRegion", "110105", "category", "FIRST_APPLICATION",
                        "endorsements", List.of(Map.of("destination", "MO", "type", "D",
                                "stay", Map.of("purpose", "DEPENDANT", "approvedUntil", "2030-01-01")))))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("endorsements[0].stay.purpose"))
                .body("violations[0].code", equalTo("IMPOSSIBLE_COMBINATION"));
        given().contentType(ContentType.JSON).body(Map.of("birthDate", "1990-01-01", "hukouRegion", "999999", "category", "FIRST_APPLICATION"))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(400).body("violations[0].code", equalTo("INVALID_REGION"));
        given().contentType(ContentType.JSON).body(Map.of("category", "FIRST_APPLICATION"))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(400).body("code", equalTo("APPLICANT_UNKNOWN"));
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("category", "FIRST_APPLICATION"))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(400).body("title", equalTo("Applicant unknown"));
    }

    @Test
    @DisplayName("a logged-in citizen is assessed on their own ID: 68-year-old lina, 12-year-old wangxiaoming")
    void citizenProfile() {
        given().auth().oauth2(KeycloakTokens.password("lina")).contentType(ContentType.JSON)
                .body(Map.of("birthDate", "2000-01-01", "category", "ENDORSEMENT_ONLY",
                        "currentPermit", Map.of("number", "C88600000", "form", "CARD", "expiry", LocalDate.now().plusYears(5).toString()),
                        "endorsements", List.of(Map.of("destination", "HK", "type", "T",
                                "familyVisit", Map.of("relationship", "CHILD", "relativeStatus", "SETTLED")))))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(200)
                .body("age", equalTo(LocalDate.of(1958, 6, 12).until(LocalDate.now()).getYears()))
                .body("endorsements[0].options.validity", equalTo(List.of("P1Y", "P3M")));
        given().auth().oauth2(KeycloakTokens.password("wangxiaoming")).contentType(ContentType.JSON)
                .body(Map.of("category", "FIRST_APPLICATION", "escort", "GUARDIAN"))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(200)
                .body("permit.validityYears", equalTo(5))
                .body("fingerprints.requirement", equalTo("GUARDIAN_DISCRETION"))
                .body("materials.items.key", hasItem("GUARDIANSHIP_PROOF"));
    }

    @Test
    @DisplayName("endorsement types and materials lists are public")
    void catalogue() {
        given().get("/api/v1/eligibility/endorsement-types").then().statusCode(200)
                .body("total", equalTo(14)).body("items.size()", equalTo(14))
                .body("items.find { it.type == 'T' && it.destination == 'HK' }.letter", equalTo("T"));
        given().queryParam("type", "T").queryParam("relationship", "SPOUSE").get("/api/v1/eligibility/materials")
                .then().statusCode(200).body("items.key", hasItem("KINSHIP_PROOF:SPOUSE"));
        given().queryParam("type", "NOPE").get("/api/v1/eligibility/materials")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** The demo halls' districts, as appointment-service announces them with each booking. */
    private static final Map<String, String> HALL_REGIONS = Map.of("BJ-CHAOYANG", "110105", "SH-PUDONG", "310115",
            "CD-JINJIANG", "510104");

    private String checkedIn(String residentId, String user, String hallId, ApplicationCategory category, List<EndorsementRequest> endorsements) {
        return checkedIn(residentId, user, hallId, HALL_REGIONS.get(hallId), category, endorsements);
    }

    private String checkedIn(String residentId, String user, String hallId, String hallRegion, ApplicationCategory category,
                             List<EndorsementRequest> endorsements) {
        String subject = (String) KeycloakTokens.claims(KeycloakTokens.password(user)).get("sub");
        String bookingNo = "B" + UUID.randomUUID().toString().substring(0, 12);
        send(bookedEvent(bookingNo, residentId, subject, hallId, hallRegion, category, endorsements),
                EventEnvelope.of(BookingCheckedIn.TYPE, "/appointment-service", bookingNo, OffsetDateTime.now(),
                        new BookingCheckedIn(bookingNo, subject, hallId, "officer", OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bookingNo) == BookingStatus.CHECKED_IN);
        return bookingNo;
    }

    private static EventEnvelope bookedEvent(String bookingNo, String residentId, String subject, String hallId, String hallRegion,
                                             ApplicationCategory category, List<EndorsementRequest> endorsements) {
        LocalDate birth = LocalDate.parse(residentId.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        return EventEnvelope.of(BookingBooked.TYPE, "/appointment-service", bookingNo, OffsetDateTime.now(), new BookingBooked(
                bookingNo, new Applicant(subject, residentId, "测试", "13800000000", birth), hallId, hallRegion, LocalDate.now(),
                LocalTime.of(9, 0), LocalTime.of(9, 30), residentId.substring(0, 6), false, category, endorsements,
                new Delivery(CollectionMethod.EMS, "测试", "13800000000", "北京市朝阳区"), new EmergencyContact("联系人", "13900000000"),
                "hkmo-h5", OffsetDateTime.now()));
    }

    private void send(EventEnvelope... envelopes) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope envelope : envelopes) {
                producer.send(new ProducerRecord<>(Topics.APPOINTMENTS, envelope.subject(), envelope.toJson())).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of {@code topic} with key {@code key}: waits for the first, then {@code settle} for any duplicate. */
    private List<ConsumerRecord<String, String>> readFor(String topic, String key, Duration settle) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "eligibility-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            long end = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private BookingStatus status(String bookingNo) {
        Booking booking = booking(bookingNo);
        return booking == null ? null : booking.status;
    }

    private Booking booking(String bookingNo) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Booking.findById(bookingNo));
    }

    private boolean processed(String eventId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where event_id = :id").setParameter("id", eventId)
                .getSingleResult()).intValue() == 1);
    }
}
