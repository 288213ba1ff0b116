package cn.hkmo.notification.message;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.Topics;
import cn.hkmo.notification.NotificationTestEvents;
import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class MessageCentreIT {

    @Inject
    EntityManager entityManager;

    private static String subjectOf(String token) {
        return (String) KeycloakTokens.claims(token).get("sub");
    }

    private String awaitMessageOf(String token, String link) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().auth().oauth2(token)
                .get("/api/v1/messages?size=100").then().statusCode(200).extract().jsonPath()
                .<String>getString("items.find { it.link == '" + link + "' }.id"), id -> id != null);
    }

    @Test
    void oneMessagePerEventInBothLanguagesReadOnlyByItsCitizen() {
        String lina = KeycloakTokens.password("lina");
        String bookingNo = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        EventEnvelope booked = NotificationTestEvents.booked(bookingNo, subjectOf(lina), "13800000002");
        NotificationTestEvents.publish(Topics.APPOINTMENTS, booked, booked, booked);

        String id = awaitMessageOf(lina, "/api/v1/bookings/" + bookingNo);
        // the redeliveries made nothing more
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select count(m) from Message m where m.link = :l", Long.class)
                .setParameter("l", "/api/v1/bookings/" + bookingNo).getSingleResult())).isEqualTo(1L);

        RestAssured.given().auth().oauth2(lina).get("/api/v1/messages/" + id).then().statusCode(200)
                .body("title", equalTo("预约成功")).body("body", containsString(bookingNo)).body("read", equalTo(false))
                .body("body", not(containsString("110105199003071239")));
        RestAssured.given().auth().oauth2(lina).header("Accept-Language", "en").get("/api/v1/messages/" + id).then()
                .statusCode(200).body("title", equalTo("Appointment booked"));
        long unread = RestAssured.given().auth().oauth2(lina).get("/api/v1/messages/unread-count").then().statusCode(200)
                .extract().jsonPath().getLong("unread");
        assertThat(unread).isPositive();

        // another citizen: the same answer as for an id that does not exist, for reading and for marking
        String zhangwei = KeycloakTokens.password("zhangwei");
        RestAssured.given().auth().oauth2(zhangwei).get("/api/v1/messages/" + id).then().statusCode(404)
                .body("code", equalTo("MESSAGE_NOT_FOUND"));
        RestAssured.given().auth().oauth2(zhangwei).post("/api/v1/messages/" + id + "/read").then().statusCode(404);
        RestAssured.given().auth().oauth2(zhangwei).get("/api/v1/messages/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("MESSAGE_NOT_FOUND"));
        RestAssured.given().auth().oauth2(lina).get("/api/v1/messages/" + id).then().body("read", equalTo(false));
        // no token, a staff token
        RestAssured.given().get("/api/v1/messages").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        RestAssured.given().auth().oauth2(KeycloakTokens.password("officer.bj")).get("/api/v1/messages").then().statusCode(403);

        // marking is idempotent: the second time keeps the first time
        String readAt = RestAssured.given().auth().oauth2(lina).post("/api/v1/messages/" + id + "/read").then().statusCode(200)
                .body("read", equalTo(true)).body("readAt", containsString("+08:00")).extract().path("readAt");
        RestAssured.given().auth().oauth2(lina).post("/api/v1/messages/" + id + "/read").then().statusCode(200)
                .body("readAt", equalTo(readAt));
        long after = RestAssured.given().auth().oauth2(lina).get("/api/v1/messages/unread-count").then().extract().jsonPath()
                .getLong("unread");
        assertThat(after).isEqualTo(unread - 1);
    }

    @Test
    void pagingIsBoundedAndBadInputIsAProblemInTheCallersLanguage() {
        String lina = KeycloakTokens.password("lina");
        RestAssured.given().auth().oauth2(lina).get("/api/v1/messages?size=0").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        RestAssured.given().auth().oauth2(lina).header("Accept-Language", "en").get("/api/v1/messages/not-a-uuid").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("id"))
                .body("violations[0].code", equalTo("INVALID_FORMAT")).body("title", not(containsString("请求")));
        RestAssured.given().auth().oauth2(lina).get("/api/v1/messages?page=0&size=5").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(5)).body("total", notNullValue());
    }
}
