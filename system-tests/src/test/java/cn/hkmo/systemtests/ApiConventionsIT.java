package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Answers;
import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.Steps.Window;
import cn.hkmo.systemtests.harness.SystemTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time and retry conventions of docs/conventions.md over real answers through the gateway (the list and retry
 * declarations are checked over the contract by ApiConventionsTest).
 */
@SystemTest
class ApiConventionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");
    private static final String HALL = "BJ-CHAOYANG";
    private static final String OFFICER = "officer.bj";

    @Test
    @DisplayName("every date-time in every answer of a whole journey is an offset date-time in +08:00, and a POST "
            + "answers the same time as the GET after it")
    void everyTimeOfAJourneyIsInTheBusinessZone() throws Exception {
        Citizen citizen = Citizens.create("times", 1).get(0);
        String token = citizen.token();
        List<Answers.Answer> answers;
        String collectedAtPosted;
        String collectedAtRead;
        try (Answers.Recording recording = Answers.record()) {
            Window window = Steps.nextWindow(HALL, 3);
            String hold = Api.withToken(token).body(Map.of("hallId", HALL, "date", window.date().toString(),
                    "windowStart", window.start())).post("/api/v1/holds").then().statusCode(201).extract().path("id");
            Api.withToken(token).delete("/api/v1/holds/{id}", hold).then().statusCode(204);
            Booking booking = Steps.book(token, Steps.firstApplication(window, Citizens.REGION, Steps.atHall()));
            Api.withToken(token).get("/api/v1/bookings").then().statusCode(200);
            Api.withToken(token).get("/api/v1/bookings/{no}", booking.bookingNo()).then().statusCode(200);
            String applicationNo = Steps.checkInAndAccept(OFFICER, booking);
            Api.withToken(token).get("/api/v1/intake/my/applications").then().statusCode(200);
            Api.as(OFFICER).get("/api/v1/intake/bookings").then().statusCode(200);
            Steps.pay(token, applicationNo);
            Api.withToken(token).get("/api/v1/fees/orders/mine").then().statusCode(200);
            Api.as(OFFICER).get("/api/v1/fees/orders/hall").then().statusCode(200);
            Api.as("reviewer.bj").get("/api/v1/cases/review-queue").then().statusCode(200);
            Steps.approve("reviewer.bj", applicationNo);
            Steps.awaitCaseStatus(citizen.username(), applicationNo, "READY_FOR_COLLECTION");
            Api.as(OFFICER).get("/api/v1/cases/ready-for-collection").then().statusCode(200);
            collectedAtPosted = Api.as(OFFICER).body(Map.of("collector", "APPLICANT", "idNumber", citizen.residentId()))
                    .post("/api/v1/cases/{no}/collection", applicationNo).then().statusCode(200)
                    .extract().path("delivery.collectedAt");
            collectedAtRead = Api.withToken(token).get("/api/v1/cases/{no}", applicationNo).then().statusCode(200)
                    .extract().path("delivery.collectedAt");
            Api.withToken(token).get("/api/v1/cases/mine").then().statusCode(200);
            Api.withToken(token).get("/api/v1/timeline/{no}", applicationNo).then().statusCode(200);
            Steps.eventually("the citizen's messages", () -> Api.withToken(token).get("/api/v1/messages")
                    .then().statusCode(200).extract().<Integer>path("total") > 0);
            Api.as("supervisor").get("/api/v1/cases/near-deadline").then().statusCode(200);
            answers = recording.answers();
        }

        List<String> times = new ArrayList<>();
        List<String> notInBusinessZone = new ArrayList<>();
        for (Answers.Answer answer : answers) {
            eachString(JSON.readTree(answer.body()), text -> {
                if (DATE_TIME.matcher(text).matches()) {
                    times.add(text);
                    if (!text.endsWith("+08:00")) {
                        notInBusinessZone.add(answer.request() + ": " + text);
                    }
                }
            });
        }
        System.out.println("[conventions] " + answers.size() + " JSON answers, " + times.size() + " date-times");
        assertThat(times).as("date-times seen in the journey's answers").hasSizeGreaterThan(20);
        assertThat(notInBusinessZone).as("date-times not in the business zone").isEmpty();
        assertThat(collectedAtPosted).isNotNull().isEqualTo(collectedAtRead);
    }

    @Test
    @DisplayName("each retriable citizen write sent twice with the same key: the same status and body, the second "
            + "marked Idempotent-Replayed, and it acts once")
    void everyRetriableWriteReplaysItsFirstAnswer() {
        Citizen citizen = Citizens.create("retry", 1).get(0);
        String token = citizen.token();
        Window window = Steps.nextWindow(HALL, 4);
        Map<String, Object> place = Map.of("hallId", HALL, "date", window.date().toString(), "windowStart", window.start());

        int before = Steps.remaining(window);
        Response held = twice(r -> r.body(place).post("/api/v1/holds"), token, 201);
        assertThat(Steps.remaining(window)).as("places left after one hold sent twice").isEqualTo(before - 1);
        twice(r -> r.delete("/api/v1/holds/{id}", held.<String>path("id")), token, 204);
        assertThat(Steps.remaining(window)).isEqualTo(before);

        Response booked = twice(r -> r.body(Steps.firstApplication(window, Citizens.REGION, Steps.atHall()))
                .post("/api/v1/bookings"), token, 201);
        assertThat(Api.withToken(token).get("/api/v1/bookings").then().statusCode(200).extract().<Integer>path("total"))
                .as("bookings after one booking sent twice").isEqualTo(1);

        twice(r -> r.body(Map.of("sms", true)).put("/api/v1/messages/preferences"), token, 200);
        String message = Steps.eventuallyGet("the booking's message", () -> Api.withToken(token).get("/api/v1/messages"))
                .getString("items[0].id");
        assertThat(message).isNotNull();
        twice(r -> r.post("/api/v1/messages/{id}/read", message), token, 200);

        twice(r -> r.post("/api/v1/bookings/{no}/cancel", booked.<String>path("bookingNo")), token, 200);
        assertThat(Steps.remaining(window)).as("the cancelled place is free again, once").isEqualTo(before);
    }

    /** Sends the write twice with one key: the same status and body, the second replayed. */
    private static Response twice(Function<RequestSpecification, Response> write, String token, int status) {
        String key = Api.newKey();
        Response first = write.apply(Api.withToken(token).header("Idempotency-Key", key));
        Response second = write.apply(Api.withToken(token).header("Idempotency-Key", key));
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(status);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.statusCode()).isEqualTo(status);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        return first;
    }


    private static void eachString(JsonNode node, java.util.function.Consumer<String> check) {
        if (node.isTextual()) {
            check.accept(node.asText());
        }
        node.forEach(child -> eachString(child, check));
    }
}
