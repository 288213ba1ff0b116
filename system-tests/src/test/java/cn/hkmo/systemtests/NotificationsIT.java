package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Window;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Notifications on the real platform (issue 17): the waitlist offer reaches the citizen in the message centre and by
 * SMS at the provider's simulator, through notification-service's consumers and the official SMS SDK; another citizen
 * cannot read or mark the message.
 */
@SystemTest
class NotificationsIT {

    @Test
    @DisplayName("a waitlisted citizen is told of the offer in the message centre and by one SMS to the mobile they waited "
            + "with, and books within the hold")
    void theWaitlistOfferReachesTheCitizenWhoBooksItInTime() {
        String hall = "BJ-NOTIFY" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        Api.as("admin").body(BookingRushIT.hall(hall, 1)).post("/api/v1/admin/halls").then().statusCode(201);
        Citizen holder = Citizens.create("notify-holder", 1).get(0);
        Citizen waiting = Citizens.create("notify-waiting", 1).get(0);

        Window w = Steps.nextWindow(hall, 0);
        Map<String, Object> window = Map.of("hallId", w.hallId(), "date", w.date().toString(), "windowStart", w.start());
        String hold = Api.withToken(holder.token()).body(window).post("/api/v1/holds").then().statusCode(201).extract().path("id");
        Api.withToken(waiting.token()).body(window).post("/api/v1/waitlist").then().statusCode(201);
        Api.withToken(holder.token()).delete("/api/v1/holds/{id}", hold).then().statusCode(204);

        String offerHold = Steps.eventuallyGet("the waitlist entry OFFERED", () -> Api.withToken(waiting.token())
                .get("/api/v1/waitlist")).getString("items.find { it.status == 'OFFERED' }.offeredHoldId");
        assertThat(offerHold).isNotNull();
        String link = "/api/v1/holds/" + offerHold;

        JsonPath message = Steps.eventuallyGet("the offer in the message centre", () -> {
            var r = Api.withToken(waiting.token()).get("/api/v1/messages");
            return r.jsonPath().getString("items.find { it.link == '" + link + "' }.id") == null
                    ? Api.withToken(waiting.token()).get("/api/v1/messages/00000000-0000-0000-0000-000000000000") : r;
        });
        Map<String, Object> offer = message.getMap("items.find { it.link == '" + link + "' }");
        assertThat(offer.get("kind")).isEqualTo("place-offered");
        assertThat((String) offer.get("body")).contains(w.date().toString()).contains("保留至");
        String id = (String) offer.get("id");

        Steps.eventually("one SMS of the offer at the provider", () -> sms(waiting).stream()
                .filter(m -> "SMS_HKMO_OFFER".equals(m.get("templateCode"))).count() == 1);
        assertThat(sms(waiting)).as("no resident ID in any text").allSatisfy(m ->
                assertThat(String.valueOf(m.get("templateParam"))).doesNotContain(waiting.residentId()));
        // the offer named the mobile the citizen joined the waitlist with; the message centre shows it masked only
        Api.withToken(waiting.token()).get("/api/v1/messages/preferences").then().statusCode(200)
                .body("mobile", org.hamcrest.Matchers.equalTo(waiting.mobile().substring(0, 3) + "****" + waiting.mobile().substring(7)));

        // another citizen can neither read nor mark it, and learns nothing of it: the answer for an unknown id
        String other = Citizens.create("notify-other", 1).get(0).token();
        Api.withToken(other).get("/api/v1/messages/{id}", id).then().statusCode(404);
        Api.withToken(other).post("/api/v1/messages/{id}/read", id).then().statusCode(404);
        Api.withToken(other).get("/api/v1/messages").then().statusCode(200)
                .body("items.findAll { it.id == '" + id + "' }.size()", org.hamcrest.Matchers.equalTo(0));
        RestAssured.given().baseUri(Suite.get().gatewayUrl()).get("/api/v1/messages").then().statusCode(401);
        Api.as("officer.bj").get("/api/v1/messages").then().statusCode(403);
        Api.withToken(waiting.token()).get("/api/v1/messages/{id}", id).then().statusCode(200)
                .body("read", org.hamcrest.Matchers.equalTo(false));

        // the citizen books with the offered hold before it lapses
        Map<String, Object> form = new HashMap<>(Steps.firstApplication(w, Citizens.REGION, Steps.atHall()));
        form.put("holdId", offerHold);
        Steps.Booking booking = Steps.book(waiting.token(), form);
        Api.withToken(waiting.token()).post("/api/v1/messages/{id}/read", id).then().statusCode(200)
                .body("read", org.hamcrest.Matchers.equalTo(true));
        Steps.eventually("the booking confirmed in the message centre", () -> Api.withToken(waiting.token())
                .get("/api/v1/messages").jsonPath().getList("items.link", String.class)
                .contains("/api/v1/bookings/" + booking.bookingNo()));
    }

    @Test
    @Tag("reminders") // also run on a clock at 10:00 and on one at 23:30 (POM): both sides of quiet hours in every build
    @DisplayName("the reminder comes when appointment-service finds the booking within the reminder lead, on the suite's "
            + "clock; its SMS goes at once by day and is held until 08:00 in quiet hours")
    void theReminderIsSentInTheDayAndHeldInQuietHours() {
        Citizen citizen = Citizens.create("notify-reminder", 1).get(0);
        ZonedDateTime before = Suite.now();
        Steps.Booking booking = Steps.book(citizen.token(), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 2),
                Citizens.REGION, Steps.atHall()));
        String link = "/api/v1/bookings/" + booking.bookingNo();
        Steps.eventually("the reminder in the message centre", () -> Api.withToken(citizen.token())
                .header("Accept-Language", "en").get("/api/v1/messages").jsonPath()
                .getList("items.findAll { it.link == '" + link + "' }.kind", String.class).contains("reminder"));

        textedByDayHeldInQuietHours(citizen, link, "reminder", "SMS_HKMO_REMINDER", before);
    }

    @Test
    @DisplayName("a permit waiting at the hall: its citizen is reminded once, in the message centre and by SMS, before "
            + "the hall's collection period ends (the harness makes it due 30 s after ready); a permit collected before "
            + "is not reminded")
    void theCollectionDeadlineIsToldToTheCitizenOfAnUncollectedPermitOnly() {
        Citizen collecting = Citizens.create("notify-collects", 1).get(0);
        Citizen waiting = Citizens.create("notify-uncollected", 1).get(0);
        String collected = readyAtTheHall(collecting, 3);
        Api.as("officer.bj").body(Map.of("collector", "APPLICANT", "idNumber", collecting.residentId()))
                .post("/api/v1/cases/{no}/collection", collected).then().statusCode(200).body("status",
                        org.hamcrest.Matchers.equalTo("COLLECTED"));
        ZonedDateTime before = Suite.now();
        String uncollected = readyAtTheHall(waiting, 4);

        String link = "/api/v1/timeline/" + uncollected;
        String readySince = Api.withToken(waiting.token()).get("/api/v1/cases/{no}", uncollected).then().statusCode(200)
                .extract().path("delivery.readySince");
        String collectBy = OffsetDateTime.parse(readySince).plusDays(7).plusSeconds(30)
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        JsonPath messages = Steps.eventuallyGet("the collection deadline in the message centre", () -> {
            var r = Api.withToken(waiting.token()).get("/api/v1/messages");
            return r.jsonPath().getList("items.findAll { it.link == '" + link + "' }.kind", String.class)
                    .contains("collection-deadline-near") ? r
                    : Api.withToken(waiting.token()).get("/api/v1/messages/00000000-0000-0000-0000-000000000000");
        });
        assertThat(messages.getList("items.findAll { it.kind == 'collection-deadline-near' }.body", String.class))
                .singleElement().asString().contains(collectBy).contains("BJ-CHAOYANG").contains("领取");
        assertThat(Api.withToken(waiting.token()).header("Accept-Language", "en").get("/api/v1/messages").jsonPath()
                .getList("items.findAll { it.kind == 'collection-deadline-near' }.body", String.class))
                .singleElement().asString().contains("until " + collectBy);
        Steps.assertTimeline(waiting.token(), uncollected, "ISSUED", "READY_FOR_COLLECTION", "COLLECTION_DEADLINE_NEAR");
        textedByDayHeldInQuietHours(waiting, link, "collection-deadline-near", "SMS_HKMO_COLLECTION_DEADLINE", before);

        // the collected permit was due before the other one was, and its case records no reminder: it got none
        assertThat(Db.rows("issuance", "select status, collection_reminded_at from case_file where application_no = ?", collected))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "COLLECTED")
                        .containsEntry("collection_reminded_at", null));
        assertThat(Api.withToken(collecting.token()).get("/api/v1/messages").jsonPath().getList("items.kind", String.class))
                .contains("ready-for-collection").doesNotContain("collection-deadline-near");
        assertThat(sms(collecting)).noneMatch(m -> "SMS_HKMO_COLLECTION_DEADLINE".equals(m.get("templateCode")));
        assertThat(Db.count("notification", "select count(*) from message where link = ? and kind = 'collection-deadline-near'",
                link)).as("one message for the permit, whatever the sweeps since").isEqualTo(1);
    }

    /** Booked at BJ-CHAOYANG for collection there, accepted, paid and approved: the application number, permit ready. */
    private static String readyAtTheHall(Citizen citizen, int skip) {
        Steps.Booking booking = Steps.book(citizen.token(), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", skip),
                Citizens.REGION, Steps.atHall()));
        String applicationNo = Steps.checkInAndAccept("officer.bj", booking);
        Steps.pay(citizen.token(), applicationNo);
        Steps.approve("reviewer.bj", applicationNo);
        Steps.eventually("the permit of " + applicationNo + " ready at the hall", () -> "READY_FOR_COLLECTION".equals(
                Api.withToken(citizen.token()).get("/api/v1/cases/{no}", applicationNo).path("status")));
        return applicationNo;
    }

    /**
     * The SMS of the message {@code kind} at {@code link}: sent once at once by day, held until 08:00 in quiet hours. The
     * side is the one the suite's clock implies at {@code before}, not the one observed: the clocked executions pin it
     * (10:00, 23:30); only a run on the real clock can cross 08:00 or 22:00 meanwhile, and that run proves neither side.
     */
    private static void textedByDayHeldInQuietHours(Citizen citizen, String link, String kind, String templateCode,
                                                    ZonedDateTime before) {
        String sql = "select d.status, d.reason, to_char(d.next_attempt_at at time zone 'Asia/Shanghai', 'HH24:MI') as next "
                + "from delivery d join message m on m.id = d.message_id where m.link = ? and m.kind = ? and d.channel = 'SMS'";
        Steps.eventually("the " + kind + " SMS attempted or held", () -> !"PENDING".equals(Db.rows("notification", sql, link,
                kind).get(0).get("status")) || Db.rows("notification", sql, link, kind).get(0).get("reason") != null);
        Map<String, String> delivery = Db.rows("notification", sql, link, kind).get(0);
        boolean quiet = inQuietHours(before);
        assumeTrue(quiet == inQuietHours(Suite.now()), "the run crossed 08:00 or 22:00 business time");
        Suite.log("[notifications] " + kind + " of " + link + ", business time " + before.toLocalTime() + ": " + delivery);
        if (quiet) {
            assertThat(delivery).containsEntry("status", "PENDING").containsEntry("reason", "QUIET_HOURS")
                    .containsEntry("next", "08:00");
            assertThat(sms(citizen)).as("no " + kind + " text in quiet hours")
                    .noneMatch(m -> templateCode.equals(m.get("templateCode")));
        } else {
            Steps.eventually("one " + kind + " text at the provider", () -> sms(citizen).stream()
                    .filter(m -> templateCode.equals(m.get("templateCode"))).count() == 1);
            Steps.eventually("the " + kind + " SMS recorded sent", () -> "SENT".equals(Db.rows("notification", sql, link, kind)
                    .get(0).get("status")));
            assertThat(sms(citizen)).as("exactly one " + kind + " text")
                    .filteredOn(m -> templateCode.equals(m.get("templateCode"))).hasSize(1);
        }
    }

    /** notification-service's quiet hours (22:00-08:00 business time, its default). */
    private static boolean inQuietHours(ZonedDateTime at) {
        return at.getHour() >= 22 || at.getHour() < 8;
    }

    /** What the provider received for the citizen's mobile (the simulator is the provider's side, not the gateway's). */
    private static List<Map<String, Object>> sms(Citizen c) {
        return RestAssured.given().baseUri(Suite.get().smsSimulatorUrl()).queryParam("phone", c.mobile())
                .get("/messages").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
