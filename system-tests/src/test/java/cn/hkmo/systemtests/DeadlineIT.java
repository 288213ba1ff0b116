package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Deadlines that never stop, through the gateway. Runs on today's date and again with the suite's clock moved into
 * years without a holiday notice ({@code -Dsystem-tests.clock}, see the POM): the public query, a refused notice,
 * and a case accepted on such a day that gets a provisional deadline, made final by the notice an admin loads.
 */
@SystemTest
@Tag("deadlines")
class DeadlineIT {

    /** For the moved clocks of the POM, the deadline of a hukou case accepted that day, worked out by hand. */
    private static final Map<LocalDate, LocalDate[]> PROVISIONAL_THEN_FINAL = Map.of(
            // statutory 1–3 Oct + 4–5 Oct given back: Thu 30 Sep (1), 6, 7, 8, 11, 12, Wed 13 Oct (7);
            // the test notice gives 1–7 Oct and works Sat 9 Oct: 30 Sep (1), 8, 9, 11, 12, 13, Thu 14 Oct (7)
            LocalDate.of(2027, 9, 29), new LocalDate[] {LocalDate.of(2027, 10, 13), LocalDate.of(2027, 10, 14)},
            // no holiday in reach: Thu 21 (1), 22, 25, 26, 27, 28, Fri 29 Dec (7), either way
            LocalDate.of(2028, 12, 20), new LocalDate[] {LocalDate.of(2028, 12, 29), LocalDate.of(2028, 12, 29)});

    /**
     * For a moved clock, a weekday within the booking horizon that the statutory holidays leave open and the test
     * notice makes a day off: Thursday 7 October 2027 (National Day 1–7 October in the notice, 1–5 by the statute).
     */
    private static final Map<LocalDate, LocalDate> HALL_CLOSED_BY_NOTICE = Map.of(LocalDate.of(2027, 9, 29), LocalDate.of(2027, 10, 7));

    @Test
    void anyone_asks_for_a_deadline_in_a_published_and_in_an_unpublished_year() {
        // 2026 is published: Wed 30 Sep, 1–7 Oct off, Sat 10 worked: Thu 8 (1), 9, 10, 12, 13, 14, Thu 15 Oct (7)
        Api.anonymous().queryParam("acceptanceDate", "2026-09-30").get("/api/v1/deadlines").then().statusCode(200)
                .body("dueDate", equalTo("2026-10-15")).body("provisional", equalTo(false))
                .body("calendar[0].published", equalTo(true)).body("calendar[0].basis", containsString("2026年部分节假日安排"));
        // 2030 never is: Mon 30 Sep, 1–3 Oct off: Fri 4 (1), 7, 8, 9, 10, 11, Mon 14 Oct (7)
        Api.anonymous().header("Accept-Language", "en").queryParam("acceptanceDate", "2030-09-30").get("/api/v1/deadlines")
                .then().statusCode(200)
                .body("dueDate", equalTo("2030-10-14")).body("provisional", equalTo(true))
                .body("calendar[0].published", equalTo(false)).body("note", containsString("Provisional"))
                .body("legalSource", containsString("questions 51 to 53"));
        Api.anonymous().header("Accept-Language", "en").queryParam("acceptanceDate", "2024-06-03").get("/api/v1/deadlines")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("CALENDAR_YEAR_UNKNOWN")).body("detail", containsString("2024 is outside"));
    }

    @Test
    void a_notice_that_fails_its_checks_is_refused_and_nothing_is_applied() {
        // the 2028 test notice moved to 2029, where none of its days is a holiday
        String wrongYear = notice(2028).replace("\"year\": 2028", "\"year\": 2029");
        Api.as("admin").body(wrongYear).put("/api/v1/admin/calendar/notices/2029").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("CALENDAR_NOTICE_INVALID"))
                .body("violations.code", hasItem("CALENDAR_NOTICE_STATUTORY_DAY_WORKING"));
        Api.as("officer.bj").body(notice(2028)).put("/api/v1/admin/calendar/notices/2028").then().statusCode(403);
        Api.as("admin").get("/api/v1/admin/calendar/notices").then().statusCode(200).body("items.year", not(hasItem(2029)));
    }

    @Test
    void a_case_accepted_in_a_year_without_a_notice_is_provisional_until_the_admin_loads_it() {
        LocalDate today = Suite.today();
        int year = today.getYear();
        List<Integer> published = Api.as("admin").get("/api/v1/admin/calendar/notices").then().statusCode(200)
                .extract().jsonPath().getList("items.year", Integer.class);
        assumeTrue(!published.contains(year) && getClass().getResource("/notices/" + year + ".json") != null,
                "runs with the clock moved into a year without a notice (-Dsystem-tests.clock), today is " + today);

        Citizen citizen = Citizens.create("deadline", 1).get(0);
        var booking = Steps.book(citizen.token(), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 0),
                Citizens.REGION, Steps.atHall()));
        String applicationNo = Steps.checkInAndAccept("officer.bj", booking);
        JsonPath before = Steps.awaitCase("supervisor", applicationNo);
        LocalDate acceptance = LocalDate.parse(before.getString("acceptanceDate"));
        assertThat(before.getBoolean("deadline.provisional")).as("deadline of a case accepted " + acceptance).isTrue();
        assertThat(before.getString("deadline.note")).contains("暂定");
        String provisional = before.getString("deadline.date");
        Api.anonymous().queryParam("acceptanceDate", acceptance.toString()).get("/api/v1/deadlines").then()
                .body("dueDate", equalTo(provisional)).body("provisional", equalTo(true));
        Api.withToken(citizen.token()).get("/api/v1/timeline/{no}", applicationNo).then().statusCode(200)
                .body("targetProvisional", equalTo(true));
        LocalDate[] expected = PROVISIONAL_THEN_FINAL.get(acceptance);
        if (expected != null) {
            assertThat(provisional).isEqualTo(expected[0].toString());
        }
        LocalDate closedByNotice = HALL_CLOSED_BY_NOTICE.get(acceptance);
        if (closedByNotice != null) {
            assertThat(hallOpen(closedByNotice)).as("BJ-CHAOYANG on " + closedByNotice + ", statutory holidays only").isTrue();
        }

        JsonPath loaded = Api.as("admin").body(notice(year)).put("/api/v1/admin/calendar/notices/{year}", year).then()
                .statusCode(200).body("changed", equalTo(true)).extract().jsonPath();
        assertThat(loaded.getInt("deadlinesRecomputed")).isGreaterThanOrEqualTo(1);

        JsonPath after = Api.as("supervisor").get("/api/v1/cases/{no}", applicationNo).then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getBoolean("deadline.provisional")).isFalse();
        String finalDate = after.getString("deadline.date");
        Api.anonymous().queryParam("acceptanceDate", acceptance.toString()).get("/api/v1/deadlines").then()
                .body("dueDate", equalTo(finalDate)).body("provisional", equalTo(false));
        if (expected != null) {
            assertThat(finalDate).isEqualTo(expected[1].toString());
        }
        List<String> steps = Steps.timeline(citizen.token(), applicationNo);
        assertThat(steps.contains("DEADLINE_RECOMPUTED")).as("a timeline entry exactly when the date moved")
                .isEqualTo(!finalDate.equals(provisional));
        // the same notice again: nothing more
        Api.as("admin").body(notice(year)).put("/api/v1/admin/calendar/notices/{year}", year).then().statusCode(200)
                .body("changed", equalTo(false));
        // appointment-service hears of the notice (calendar.notice-loaded.v1): its halls close on the notice's days off
        if (closedByNotice != null) {
            Steps.eventually("BJ-CHAOYANG closed on " + closedByNotice + " after the notice", () -> !hallOpen(closedByNotice));
        }
    }

    private static boolean hallOpen(LocalDate day) {
        return Boolean.TRUE.equals(Api.anonymous().queryParam("hallId", "BJ-CHAOYANG").queryParam("from", day.toString())
                .queryParam("to", day.toString()).get("/api/v1/availability").then().statusCode(200).extract().path("days[0].open"));
    }

    private static String notice(int year) {
        try (InputStream in = DeadlineIT.class.getResourceAsStream("/notices/" + year + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
