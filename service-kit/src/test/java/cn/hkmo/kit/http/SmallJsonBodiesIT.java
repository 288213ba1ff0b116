package cn.hkmo.kit.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@link SmallJsonBodies} against the real HTTP stack: which bodies are read on the event loop, and that all arrive whole. */
@QuarkusTest
class SmallJsonBodiesIT {

    @Test
    void aSmallJsonBodyIsCompleteBeforeTheBlockingEndpointRuns() {
        given().contentType("application/json").body("{\"hallId\":\"BJ-CHAOYANG\",\"note\":\"靠窗\"}")
                .post("/test/bodies").then().statusCode(200)
                .body("hallId", equalTo("BJ-CHAOYANG")).body("noteLength", equalTo(2))
                .body("readBeforeTheWorker", equalTo(true));
        given().contentType("application/merge-patch+json").body("{\"hallId\":\"SH-PUDONG\"}")
                .post("/test/bodies").then().statusCode(200)
                .body("hallId", equalTo("SH-PUDONG")).body("readBeforeTheWorker", equalTo(true));
    }

    @Test
    void aLargerBodyIsStillStreamedToTheWorkerWhole() {
        String note = "x".repeat(20_000);
        given().contentType("application/json").body("{\"hallId\":\"BJ-CHAOYANG\",\"note\":\"" + note + "\"}")
                .post("/test/bodies").then().statusCode(200)
                .body("noteLength", equalTo(20_000)).body("readBeforeTheWorker", equalTo(false));
    }

    @TestHTTPResource("/test/bodies")
    URI bodies;

    @Test
    void aChunkedBodyGoesTheUsualWay() throws Exception {
        byte[] json = "{\"hallId\":\"GZ-TIANHE\"}".getBytes(StandardCharsets.UTF_8);
        // a stream of unknown length: the JDK's client sends it chunked, with no Content-Length
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(bodies).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"hallId\":\"GZ-TIANHE\"").contains("\"readBeforeTheWorker\":false");
    }

    @Test
    void badJsonReadOnTheEventLoopIsStillAProblemInTheCallersLanguage() {
        given().contentType("application/json").header("Accept-Language", "en").body("{\"hallId\":")
                .post("/test/bodies").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_REQUEST"));
    }
}
