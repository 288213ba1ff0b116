package cn.hkmo.issuance.flow;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
import cn.hkmo.contracts.issuance.DeadlineChanged;
import cn.hkmo.issuance.deadline.Notices2027;
import cn.hkmo.issuance.support.Events;
import cn.hkmo.issuance.support.Users;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A case accepted in 2027, a year the bundled notices do not publish (the clock reads 9 October 2026): its deadline is
 * provisional on the statutory holidays, says so in every view, and becomes final (a day later) when an admin loads a
 * 2027 notice; a bad notice changes nothing. In order: the notice is loaded half-way.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "issuance"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionalDeadlineIT {

    private static final String NO = Events.unique("A");
    private static final String UNMOVED = Events.unique("A");
    private static String citizen;
    private static String supervisor;
    private static String admin;

    @BeforeAll
    static void tokens() {
        citizen = Users.token("zhangwei");
        supervisor = Users.token("supervisor");
        admin = Users.token("admin");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static EventEnvelope acceptance(String applicationNo, LocalDate acceptedOn) {
        ApplicationAccepted accepted = Events.accepted(applicationNo, Events.unique("B"), Users.zhangwei(citizen), "BJ-CHAOYANG",
                "110105", acceptedOn, true, null, Events.hall());
        return Events.envelope(ApplicationAccepted.TYPE, "/eligibility-service", applicationNo, accepted);
    }

    @Test
    @Order(1)
    void a_case_accepted_in_a_year_without_a_notice_gets_a_provisional_deadline_everywhere() {
        // Wed 29 Sep 2027, statutory holidays only: 1–3 Oct off, given back 4–5 Oct; Thu 30 (1), 6 (2) … Wed 13 Oct (7)
        Events.send(Topics.APPLICATIONS, acceptance(NO, LocalDate.of(2027, 9, 29)));
        // Wed 30 Jun 2027: Fri 9 Jul either way
        Events.send(Topics.APPLICATIONS, acceptance(UNMOVED, LocalDate.of(2027, 6, 30)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(citizen).get("/api/v1/cases/{no}", UNMOVED).then()
                .statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(citizen).get("/api/v1/cases/{no}", NO).then()
                .statusCode(200)
                .body("deadline.date", equalTo("2027-10-13"))
                .body("deadline.provisional", equalTo(true))
                .body("deadline.note", containsString("暂定")));
        as(citizen).header("Accept-Language", "en").get("/api/v1/cases/{no}", NO).then()
                .body("deadline.note", containsString("Provisional date"));
        as(citizen).get("/api/v1/timeline/{no}", NO).then().statusCode(200)
                .body("targetDate", equalTo("2027-10-13")).body("targetProvisional", equalTo(true))
                .body("targetNote", containsString("法定节假日"))
                .body("steps.find { it.step == 'UNDER_REVIEW' }.details.deadlineProvisional", equalTo("true"));
        // the supervisors' list of cases past or without a deadline does not hold it; the extension answer shows the flag
        as(supervisor).get("/api/v1/cases/overdue").then().statusCode(200).body("items.applicationNo", not(hasItem(NO)));
    }

    @Test
    @Order(2)
    void a_notice_that_fails_a_check_is_refused_in_the_callers_language_and_changes_nothing() {
        String typo = Notices2027.NOTICE.toJson().toString().replace("\"2027-04-05\"", "\"2027-04-04\"")
                .replace("\"2027-10-09\"", "\"2027-10-11\"");
        as(admin).body(typo).put("/api/v1/admin/calendar/notices/2027").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("CALENDAR_NOTICE_INVALID"))
                .body("violations.code", hasItems("CALENDAR_NOTICE_STATUTORY_DAY_WORKING", "CALENDAR_NOTICE_MAKE_UP_NOT_WEEKEND"))
                .body("violations.find { it.code == 'CALENDAR_NOTICE_STATUTORY_DAY_WORKING' }.message", containsString("2027-04-05"));
        as(admin).header("Accept-Language", "en").body(Notices2027.NOTICE.toJson().toString())
                .put("/api/v1/admin/calendar/notices/2028").then().statusCode(422)
                .body("violations[0].code", equalTo("CALENDAR_NOTICE_YEAR_MISMATCH"))
                .body("violations[0].message", containsString("2027"));
        as(citizen).body(Notices2027.NOTICE.toJson().toString()).put("/api/v1/admin/calendar/notices/2027").then()
                .statusCode(403);
        as(admin).get("/api/v1/admin/calendar/notices").then().statusCode(200).body("items.year", not(hasItem(2027)));
        as(citizen).get("/api/v1/cases/{no}", NO).then().body("deadline.provisional", equalTo(true));
    }

    @Test
    @Order(3)
    void loading_the_notice_makes_the_deadline_final_once_and_puts_a_move_on_the_timeline() {
        String notice = Notices2027.NOTICE.toJson().toString();
        as(admin).body(notice).put("/api/v1/admin/calendar/notices/2027").then().statusCode(200)
                .body("changed", equalTo(true))
                .body("deadlinesRecomputed", equalTo(2))
                .body("deadlinesMoved", equalTo(1));
        // National Day 1–7 Oct, Sat 9 worked: Thu 30 Sep (1), Fri 8 (2), Sat 9 (3), Mon 11 (4) … Thu 14 Oct (7)
        as(citizen).get("/api/v1/cases/{no}", NO).then()
                .body("deadline.date", equalTo("2027-10-14"))
                .body("deadline.provisional", equalTo(false))
                .body("deadline.note", nullValue());
        as(citizen).get("/api/v1/cases/{no}", UNMOVED).then()
                .body("deadline.date", equalTo("2027-07-09")).body("deadline.provisional", equalTo(false));
        as(citizen).get("/api/v1/timeline/{no}", NO).then()
                .body("targetProvisional", equalTo(false))
                .body("steps.findAll { it.step == 'DEADLINE_RECOMPUTED' }.size()", equalTo(1))
                .body("steps.find { it.step == 'DEADLINE_RECOMPUTED' }.details.previousDeadline", equalTo("2027-10-13"))
                .body("steps.find { it.step == 'DEADLINE_RECOMPUTED' }.details.deadline", equalTo("2027-10-14"));
        as(citizen).get("/api/v1/timeline/{no}", UNMOVED).then().body("steps.step", not(hasItem("DEADLINE_RECOMPUTED")));

        // again: nothing written, nothing recomputed, no second timeline entry
        as(admin).body(notice).put("/api/v1/admin/calendar/notices/2027").then().statusCode(200)
                .body("changed", equalTo(false)).body("deadlinesRecomputed", equalTo(0));
        as(citizen).get("/api/v1/timeline/{no}", NO).then()
                .body("steps.findAll { it.step == 'DEADLINE_RECOMPUTED' }.size()", equalTo(1));
        as(admin).get("/api/v1/admin/calendar/notices").then().body("items.year", hasItem(2027));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Events.publishedTypes(Topics.ISSUANCE, "2027")).containsExactly(CalendarNoticeLoaded.TYPE);
            assertThat(Events.publishedTypes(Topics.ISSUANCE, NO)).containsSubsequence("case.opened.v1", DeadlineChanged.TYPE);
        });
    }

    @Test
    @Order(4)
    void anyone_may_ask_for_a_deadline_in_a_published_or_an_unpublished_year() {
        given().get("/api/v1/deadlines?acceptanceDate=2027-09-29").then().statusCode(200)
                .body("dueDate", equalTo("2027-10-14")).body("provisional", equalTo(false))
                .body("basis", equalTo("HUKOU_WORKING_DAYS")).body("unit", equalTo("WORKING_DAYS"))
                .body("calendar[0].published", equalTo(true))
                .body("legalSource", containsString("第51至53问"));
        // Wed 20 Dec 2028: 21 (1), 22 (2), 25 (3) … Fri 29 (7)
        given().header("Accept-Language", "en").get("/api/v1/deadlines?acceptanceDate=2028-12-20&urgent=true").then()
                .statusCode(200).body("dueDate", equalTo("2028-12-29")).body("provisional", equalTo(true))
                .body("calendar[0].year", equalTo(2028)).body("calendar[0].published", equalTo(false))
                .body("calendar[0].basis", containsString("Articles 2 and 6"))
                .body("note", containsString("Provisional")).body("urgentNote", containsString("Urgent"));
        given().get("/api/v1/deadlines?acceptanceDate=2027-09-29&hukouOffice=false").then().statusCode(200)
                .body("dueDate", equalTo("2027-10-19")).body("unit", equalTo("CALENDAR_DAYS")).body("provisional", equalTo(false));
        given().header("Accept-Language", "en").get("/api/v1/deadlines?acceptanceDate=2024-06-03").then().statusCode(422)
                .body("code", equalTo("CALENDAR_YEAR_UNKNOWN")).body("detail", containsString("2024 is outside"))
                .body("detail", not(containsString("2,024")));
        given().get("/api/v1/deadlines").then().statusCode(400);
        given().get("/api/v1/deadlines?acceptanceDate=2027-02-30").then().statusCode(400);
    }
}
