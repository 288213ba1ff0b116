package cn.hkmo.systemtests;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Events;
import cn.hkmo.systemtests.harness.Replicas;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.platform.test.KeycloakTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one SMS per event when notification-service is killed with {@code kill -9} while the provider has the text
 * and has not answered, and the event is delivered again after the restart. Runs before the fault test and the log
 * scan (it restarts an application).
 */
@SystemTest
@Order(Integer.MAX_VALUE - 2)
class NotificationFaultsIT {

    @Test
    @DisplayName("kill -9 while sending, then the event redelivered: the attempt is looked up by OutId, one SMS in all")
    void oneSmsPerEventThroughAKillWhileSendingAndARedelivery() {
        Citizen citizen = Citizens.create("notify-kill", 1).get(0);
        Api.withToken(citizen.token()).body(Map.of("sms", true)).put("/api/v1/messages/preferences").then().statusCode(200);
        String subject = (String) KeycloakTokens.claims(citizen.token()).get("sub");
        // The provider keeps the next text to this number and answers only after a minute: the send is in flight.
        RestAssured.given().baseUri(Suite.get().smsSimulatorUrl()).queryParam("phone", citizen.mobile())
                .queryParam("kind", "HANG").queryParam("seconds", 60).post("/faults").then().statusCode(204);

        String holdId = UUID.randomUUID().toString();
        EventEnvelope offered = EventEnvelope.of(PlaceOffered.TYPE, "/appointment-service", holdId, OffsetDateTime.now(),
                new PlaceOffered(holdId, subject, "BJ-CHAOYANG", Suite.today().plusDays(3), LocalTime.of(10, 0),
                        OffsetDateTime.now().plusMinutes(30), null));
        Events.publish(Topics.APPOINTMENTS, offered);

        Steps.eventually("the provider received the text, its answer pending", () -> texts(citizen).size() == 1);
        assertThat(Db.count("notification", "select count(*) from delivery d join message m on m.id = d.message_id "
                + "where m.event_id = ? and d.channel = 'SMS' and d.status = 'SENDING'", offered.id()))
                .as("the attempt was recorded first").isEqualTo(1);
        Replicas.kill9(Suite.NOTIFICATION);
        Replicas.restart(Suite.NOTIFICATION);
        Events.publish(Topics.APPOINTMENTS, offered); // the same envelope again is what a redelivery looks like

        Steps.eventually("the delivery settled after the restart", () -> Db.count("notification",
                "select count(*) from delivery d join message m on m.id = d.message_id where m.event_id = ? and d.channel = 'SMS' "
                        + "and d.status = 'SENT'",
                offered.id()) == 1);
        List<String> refs = Db.column("notification", "select d.provider_ref from delivery d join message m on "
                + "m.id = d.message_id where m.event_id = ? and d.channel = 'SMS'", offered.id());
        assertThat(refs).as("found at the provider by its OutId, not sent again").singleElement().asString().startsWith("OutId:");
        assertThat(texts(citizen)).as("one SMS at the provider").hasSize(1);
        assertThat(Db.count("notification", "select count(*) from message where event_id = ?", offered.id()))
                .as("one message for the event, delivered twice").isEqualTo(1);
        Api.withToken(citizen.token()).get("/api/v1/messages").then().statusCode(200)
                .body("items.findAll { it.link == '/api/v1/holds/" + holdId + "' }.size()", org.hamcrest.Matchers.equalTo(1));
    }

    private static List<Object> texts(Citizen c) {
        return RestAssured.given().baseUri(Suite.get().smsSimulatorUrl()).queryParam("phone", c.mobile()).get("/messages")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.templateCode == 'SMS_HKMO_OFFER' }");
    }
}
