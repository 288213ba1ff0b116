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
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    @DisplayName("the reminder comes when appointment-service finds the booking within the reminder lead, on the suite's "
            + "clock; its SMS goes at once by day and is held until 08:00 in quiet hours")
    void theReminderIsSentInTheDayAndHeldInQuietHours() {
        Citizen citizen = Citizens.create("notify-reminder", 1).get(0);
        Steps.Booking booking = Steps.book(citizen.token(), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 2),
                Citizens.REGION, Steps.atHall()));
        String link = "/api/v1/bookings/" + booking.bookingNo();
        Steps.eventually("the reminder in the message centre", () -> Api.withToken(citizen.token())
                .header("Accept-Language", "en").get("/api/v1/messages").jsonPath()
                .getList("items.findAll { it.link == '" + link + "' }.kind", String.class).contains("reminder"));

        String sql = "select d.status, d.reason, to_char(d.next_attempt_at at time zone 'Asia/Shanghai', 'HH24:MI') as next, "
                + "extract(hour from m.created_at at time zone 'Asia/Shanghai') as hour from delivery d "
                + "join message m on m.id = d.message_id where m.link = ? and m.kind = 'reminder' and d.channel = 'SMS'";
        Steps.eventually("the reminder's SMS attempted or held", () -> !"PENDING".equals(Db.rows("notification", sql, link).get(0)
                .get("status")) || Db.rows("notification", sql, link).get(0).get("reason") != null);
        Map<String, String> delivery = Db.rows("notification", sql, link).get(0);
        int hour = (int) Double.parseDouble(delivery.get("hour"));
        boolean quiet = hour >= 22 || hour < 8;
        Suite.log("[notifications] reminder of " + booking.bookingNo() + " at " + hour + " h business time: " + delivery);
        if (quiet) {
            assertThat(delivery).containsEntry("status", "PENDING").containsEntry("reason", "QUIET_HOURS")
                    .containsEntry("next", "08:00");
            assertThat(sms(citizen)).as("no reminder text in quiet hours")
                    .noneMatch(m -> "SMS_HKMO_REMINDER".equals(m.get("templateCode")));
        } else {
            Steps.eventually("one reminder text at the provider", () -> sms(citizen).stream()
                    .filter(m -> "SMS_HKMO_REMINDER".equals(m.get("templateCode"))).count() == 1);
        }
    }

    /** What the provider received for the citizen's mobile (the simulator is the provider's side, not the gateway's). */
    private static List<Map<String, Object>> sms(Citizen c) {
        return RestAssured.given().baseUri(Suite.get().smsSimulatorUrl()).queryParam("phone", c.mobile())
                .get("/messages").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
