package cn.hkmo.kit.idempotency;

import cn.hkmo.kit.support.BookingGate;
import cn.hkmo.kit.support.Effects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IdempotencyKeysIT {

    @Inject
    BookingGate gate;
    @Inject
    Effects effects;

    @Test
    void theSameKeyReplaysTheFirstResponse() {
        String hall = "H-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();

        String first = book(key, "zhangwei", hall, 2).then().statusCode(201)
                .header(IdempotentResponse.REPLAYED_HEADER, (String) null).extract().path("bookingNo");
        book(key, "zhangwei", hall, 2).then().statusCode(201)
                .header(IdempotentResponse.REPLAYED_HEADER, "true")
                .body("bookingNo", equalTo(first));

        assertThat(bookingsAt(hall)).isEqualTo(1);
        // The same key is another caller's own key.
        String other = book(key, "lina", hall, 2).then().statusCode(201).extract().path("bookingNo");
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theReplayIsTheFirstAnswerByteForByteAndTheStoredAnswerIsSealed() {
        String hall = "H-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();

        String first = book(key, "zhangwei", hall, 2).then().statusCode(201).extract().asString();
        String replay = book(key, "zhangwei", hall, 2).then().statusCode(201)
                .header(IdempotentResponse.REPLAYED_HEADER, "true").extract().asString();

        assertThat(first).contains("+08:00");
        assertThat(replay).isEqualTo(first);
        assertThat(effects.count("select count(*) from idempotency_key where key = ?1 and response_json like ?2", key, "%" + hall + "%"))
                .as("the answer at rest is sealed").isZero();
        assertThat(effects.count("select count(*) from idempotency_key where key = ?1 and response_json like 'dev1:%'", key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String hall = "H-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        book(key, "zhangwei", hall, 2).then().statusCode(201);

        book(key, "zhangwei", hall, 3).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().contentType(ContentType.JSON).header("X-Test-Caller", "zhangwei")
                .body("{\"hallId\":\"" + hall + "\",\"people\":1}").post("/test/idempotent-bookings")
                .then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_MISSING"));
        assertThat(bookingsAt(hall)).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalRequestsBookOnceAndBothGetTheSameAnswer() throws Exception {
        String hall = "H-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        gate.close();
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> book(key, "liuyang", hall, 1));
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.waiting() == 1);
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> book(key, "liuyang", hall, 1));
            // The second request waits on the first one's uncommitted key row.
            await().atMost(Duration.ofSeconds(20)).until(() -> effects.count(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%idempotency_key%'") == 1);
            gate.open();

            Response a = first.get();
            Response b = second.get();
            assertThat(a.statusCode()).isEqualTo(201);
            assertThat(b.statusCode()).isEqualTo(201);
            assertThat(b.<String>path("bookingNo")).isEqualTo(a.path("bookingNo"));
            assertThat(bookingsAt(hall)).isEqualTo(1);
        } finally {
            gate.open();
        }
    }

    private long bookingsAt(String hall) {
        return effects.count("select count(*) from test_booking where hall_id = ?1", hall);
    }

    private static Response book(String key, String caller, String hall, int people) {
        return given().contentType(ContentType.JSON).header(IdempotencyKeys.HEADER, key).header("X-Test-Caller", caller)
                .body("{\"hallId\":\"" + hall + "\",\"people\":" + people + "}")
                .post("/test/idempotent-bookings");
    }
}
