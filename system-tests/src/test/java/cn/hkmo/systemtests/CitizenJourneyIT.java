package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.Steps.Window;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The whole journey of one citizen, every call through the gateway with real tokens. */
@SystemTest
@Tag("deadlines") // also run with the clock moved into years without a holiday notice (POM)
class CitizenJourneyIT {

    private static final String CITIZEN = "zhangwei";          // Beijing hukou 110105, face-verified
    private static final String HALL = "BJ-CHAOYANG";
    private static final String OFFICER = "officer.bj";
    private static final String REVIEWER = "reviewer.bj";      // review_region 110000

    @Test
    @DisplayName("find a hall, check eligibility, book, check in, intake accepted, pay (signed notify), approve, issue, "
            + "dispatch, deliver: the citizen's timeline shows every step in order")
    void wholeJourney() {
        // find a hall (public read, no token)
        assertThat(Steps.hallsIn("110000")).contains(HALL);
        Api.anonymous().get("/api/v1/halls/{id}", HALL).then().statusCode(200).body("id", equalTo(HALL));

        // check eligibility: the citizen is assessed on the resident ID of the token
        Api.as(CITIZEN).body(Map.of("category", "FIRST_APPLICATION",
                        "endorsements", List.of(Map.of("destination", "HK", "type", "L"))))
                .post("/api/v1/eligibility/assessments")
                .then().statusCode(200)
                .body("permit.validityYears", equalTo(10))
                .body("endorsements[0].refusals.size()", equalTo(0))
                .body("materials.items.key", hasItem("APPLICATION_FORM"));

        // book a window with room, for EMS delivery
        Window window = Steps.nextWindow(HALL, 0);
        Booking booking = Steps.book(Tokens.of(CITIZEN),
                Steps.firstApplication(window, "110105", Steps.ems("张伟", "北京市朝阳区建国路1号")));
        Api.as(CITIZEN).get("/api/v1/bookings/{no}", booking.bookingNo()).then().statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("applicant.residentId", equalTo("110105********1239"));

        // at the hall: check in, intake accepted
        String applicationNo = Steps.checkInAndAccept(OFFICER, booking);
        Api.as(CITIZEN).get("/api/v1/intake/my/applications").then().statusCode(200)
                .body("items.applicationNo", hasItem(applicationNo));

        // pay through the payment platform: trade created by fee-service, paid in the simulator's cashier, the signed
        // notify enters through the gateway
        String orderNo = Steps.pay(Tokens.of(CITIZEN), applicationNo);
        assertThat(orderNo).isNotBlank();

        // review and approve: approved and paid, the permit is issued
        Steps.approve(REVIEWER, applicationNo);
        Steps.awaitCaseStatus(CITIZEN, applicationNo, "ISSUED");
        JsonPath issued = Steps.awaitCase(CITIZEN, applicationNo);
        assertThat(issued.getString("permit.permitNo")).isNotBlank();
        assertThat(issued.getBoolean("paid")).isTrue();

        // the EMS courier dispatches and delivers
        String waybill = "EMS" + System.currentTimeMillis();
        Api.withToken(Tokens.courier()).get("/api/v1/courier/mailings?size=200").then().statusCode(200)
                .body("items.applicationNo", hasItem(applicationNo));
        Api.withToken(Tokens.courier()).body(Map.of("waybillNo", waybill))
                .post("/api/v1/courier/mailings/{no}/dispatch", applicationNo).then().statusCode(204);
        Steps.awaitCaseStatus(CITIZEN, applicationNo, "DISPATCHED");
        Api.withToken(Tokens.courier()).body(Map.of("waybillNo", waybill))
                .post("/api/v1/courier/mailings/{no}/delivery", applicationNo).then().statusCode(204);
        Steps.awaitCaseStatus(CITIZEN, applicationNo, "DELIVERED");

        // the citizen's timeline: every step, in order, with times that never go back
        Steps.assertTimeline(Tokens.of(CITIZEN), applicationNo,
                "BOOKED", "CHECKED_IN", "ACCEPTED", "FEE_ASSESSED", "PAID", "APPROVED", "ISSUED", "DISPATCHED", "DELIVERED");
        JsonPath timeline = Api.as(CITIZEN).get("/api/v1/timeline/{no}", applicationNo).then().statusCode(200)
                .body("applicationNo", equalTo(applicationNo))
                .body("bookingNo", equalTo(booking.bookingNo()))
                .extract().jsonPath();
        List<String> steps = timeline.getList("steps.step", String.class);
        List<OffsetDateTime> times = timeline.getList("steps.at", String.class).stream().map(OffsetDateTime::parse).toList();
        // The payment platform reports whole seconds; within one second the timeline keeps process order
        // (issuance Timeline.order), so times are compared at the second.
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    .as("step %s (%s) after %s", i, steps.get(i), steps.get(i - 1))
                    .isAfterOrEqualTo(times.get(i - 1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        assertThat(timeline.getString("targetDate")).as("statutory deadline").isNotBlank();
    }
}
