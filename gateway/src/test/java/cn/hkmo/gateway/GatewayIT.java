package cn.hkmo.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import cn.hkmo.platform.test.ExpectContinuePost;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
@QuarkusTestResource(FakeUpstreams.class)
class GatewayIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ConfigProperty(name = "hkmo.gateway.services.appointment.url")
    String appointmentUrl;

    @TestHTTPResource("/")
    URI gateway;

    /** Resolves to the management interface's root path ({@code /q/}); the tests use its origin. */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Inject
    Vertx vertx;

    /** ADR 0015: on Linux the proxy runs on Netty's epoll transport, not on the NIO Vert.x falls back to. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void vertxRunsOnTheNativeEpollTransport() {
        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport; unavailable because %s", vertx.unavailableNativeTransportCause()).isTrue();
    }

    @Test
    void anonymousReadOfHallsReachesTheAppointmentServiceWithPathAndQuery() {
        String marker = marker();
        Response response = given().get("/api/v1/halls?city=110000&m=" + marker);

        response.then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .header("Access-Control-Allow-Origin", nullValue())
                .body("service", equalTo("appointment"))
                .body("uri", equalTo("/api/v1/halls?city=110000&m=" + marker))
                .body("headers", not(hasKey("authorization")))
                .body("headers.x-request-id", equalTo(response.header("X-Request-Id")));
    }

    @Test
    void aWellFormedRequestIdIsKeptAndAMalformedOneReplaced() {
        given().header("X-Request-Id", "partner-7f3a9c21").get("/api/v1/halls?m=" + marker())
                .then().statusCode(200)
                .header("X-Request-Id", "partner-7f3a9c21")
                .body("headers.x-request-id", equalTo("partner-7f3a9c21"));

        String replaced = given().header("X-Request-Id", "<script>").get("/api/v1/halls?m=" + marker())
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(replaced).isNotEqualTo("<script>").matches("[0-9a-f-]{36}");
    }

    /** ADR 0017: one line per request, the refused ones too, with the request id the caller got back. */
    @Test
    void theAccessLogHasALineForEveryRequestWithItsRequestId() {
        String read = marker();
        String readId = given().get("/api/v1/halls?city=110000&m=" + read).then().statusCode(200)
                .extract().header("X-Request-Id");
        String refused = marker();
        String refusedId = given().contentType("application/json").body("{}").post("/api/v1/bookings?m=" + refused)
                .then().statusCode(401).extract().header("X-Request-Id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(accessLog())
                .anyMatch(line -> line.contains(" \"GET /api/v1/halls?city=110000&m=" + read + " HTTP/1.1\" 200 ")
                        && line.endsWith("ms rid=" + readId) && line.contains("[io.qu.ht.access-log]"))
                .anyMatch(line -> line.contains(" \"POST /api/v1/bookings?m=" + refused + " HTTP/1.1\" 401 ")
                        && line.endsWith("ms rid=" + refusedId)));
    }

    private static List<String> accessLog() throws IOException {
        Path file = Path.of("target/access.log");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void bookingWithoutTokenIsRefusedBeforeTheServiceSeesIt() {
        String marker = marker();
        given().contentType("application/json").body("{\"slotId\":1}")
                .post("/api/v1/bookings?m=" + marker)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://hkmo.cn/problems/unauthenticated"))
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("status", equalTo(401))
                .body("title", equalTo("需要登录"))
                .body("instance", equalTo("/api/v1/bookings"))
                .body("requestId", notNullValue());

        assertThat(received(marker)).isEmpty();
    }

    @Test
    void problemsSpeakEnglishWhenAsked() {
        given().header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
                .post("/api/v1/bookings")
                .then().statusCode(401)
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void aValidTokenIsRelayedWithTheBody() {
        String token = KeycloakTokens.password("zhangwei");
        String marker = marker();

        given().auth().oauth2(token).contentType("application/json").body("{\"slotId\":42}")
                .post("/api/v1/bookings?m=" + marker)
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("bodyLength", equalTo(13));

        assertThat(received(marker)).hasSize(1);
    }

    @Test
    void aReadWhoseConnectionClosesUnderItIsSentAgainOnce() {
        // Vert.x closes a pooled connection when a request that used it is reset after its answer came (its client
        // left), under whichever request the pool gave the connection to next: a read goes again (RFC 9110 9.2.2).
        String marker = marker();

        given().get("/api/v1/halls?dropFirst=" + marker)
                .then().statusCode(200)
                .body("method", equalTo("GET"));

        assertThat(received(marker)).hasSize(2);
    }

    @Test
    void aWriteWhoseConnectionClosesUnderItIsNotSentAgain() {
        String marker = marker();

        given().auth().oauth2(KeycloakTokens.password("zhangwei")).contentType("application/json").body("{\"slotId\":42}")
                .post("/api/v1/bookings?dropFirst=" + marker)
                .then().statusCode(502)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UPSTREAM_ERROR"));

        assertThat(received(marker)).as("the service may have acted on it: the client decides, with its Idempotency-Key")
                .hasSize(1);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = KeycloakTokens.clientCredentials("other-app", "other-app-secret");
        String marker = marker();

        given().auth().oauth2(token).get("/api/v1/bookings?m=" + marker)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"hkmo\", error=\"invalid_token\""))
                .body("code", equalTo("INVALID_TOKEN"));
        assertThat(received(marker)).isEmpty();
    }

    @Test
    void anInvalidTokenIsRefusedEvenWherePublicReadsAreAllowed() {
        String token = KeycloakTokens.password("chenjing");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("chenjing", "zhangwei");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];

        given().auth().oauth2(tampered).get("/api/v1/halls")
                .then().statusCode(401)
                .body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = KeycloakTokens.password("short-lived-cli", "lina");
        given().auth().oauth2(token).get("/api/v1/holds?m=" + marker()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .auth().oauth2(token).get("/api/v1/holds")
                .then().statusCode(401).body("code", equalTo("INVALID_TOKEN")));
    }

    @Test
    void aCitizenCannotReachAdministration() {
        given().auth().oauth2(KeycloakTokens.password("liuyang")).get("/api/v1/admin/halls")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"hkmo\", error=\"insufficient_scope\""))
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndEveryAnswerSaysWhatIsLeft() {
        // %test limits courier-ems to 3 requests a minute, and its service account (a token subject) to 5.
        String token = KeycloakTokens.clientCredentials("courier-ems", "courier-ems-secret");
        for (int left = 2; left >= 0; left--) {
            given().auth().oauth2(token).get("/api/v1/halls").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"subject\";q=5;w=60, \"client\";q=3;w=60"))
                    .header("RateLimit", matchesPattern("\"subject\";r=" + (left + 2) + ";t=\\d+, \"client\";r=" + left
                            + ";t=\\d+"));
        }
        Response refused = given().auth().oauth2(token).get("/api/v1/halls");

        refused.then().statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("RATE_LIMITED"))
                .header("RateLimit-Policy", equalTo("\"subject\";q=5;w=60, \"client\";q=3;w=60"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 20L);
        // the client's bucket is empty and full again only after a whole minute; the subject's still had a token
        java.util.regex.Matcher state = java.util.regex.Pattern
                .compile("\"subject\";r=1;t=(\\d+), \"client\";r=0;t=(\\d+)").matcher(refused.header("RateLimit"));
        assertThat(state.matches()).as(refused.header("RateLimit")).isTrue();
        assertThat(Long.parseLong(state.group(2))).isBetween(retryAfter, 60L);
    }

    @Test
    void aCitizensAndAnAnonymousCallersAnswersCarryTheirBudgetReadableByTheH5() {
        Response citizen = given().header("Origin", "https://h5.hkmo.cn")
                .auth().oauth2(KeycloakTokens.password("lina")).get("/api/v1/halls?m=" + marker());
        citizen.then().statusCode(200)
                .header("RateLimit-Policy", startsWith("\"citizen\";q=1000;w=60, \"client\";q=1000;w=60"))
                .header("RateLimit", matchesPattern("\"citizen\";r=\\d+;t=\\d+, \"client\";r=\\d+;t=\\d+"));
        assertThat(citizen.header("Access-Control-Expose-Headers")).contains("RateLimit", "RateLimit-Policy");

        given().get("/api/v1/halls?m=" + marker()).then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"anonymous\";q=1000;w=60"))
                .header("RateLimit", matchesPattern("\"anonymous\";r=\\d+;t=\\d+"));
    }

    @Test
    void oneOfficerSpendsTheirOwnBudgetNotTheirColleaguesOnTheSameClient() {
        // %test: 5 requests a minute per staff subject, 1000 per client; both officers sign in with hkmo-dev-cli.
        String officer = KeycloakTokens.password("officer.sz");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(officer).get("/api/v1/officer/day?m=" + marker()).then().statusCode(200);
        }
        given().auth().oauth2(officer).get("/api/v1/officer/day").then().statusCode(429)
                .body("code", equalTo("RATE_LIMITED"));

        given().auth().oauth2(KeycloakTokens.password("officer.cd")).get("/api/v1/officer/day?m=" + marker())
                .then().statusCode(200);
    }

    @Test
    void anUnauthenticatedCallbackHasASmallerBodyLimitEnforcedAtTheEdge() {
        String marker = marker();
        // 800 bytes: under the 1K of the other routes, over the 512 bytes of callbacks anyone may send (%test)
        given().formParam("out_trade_no", "F1").formParam("junk", "x".repeat(800))
                .post("/api/v1/fees/alipay/notify?m=" + marker)
                .then().statusCode(413).contentType(PROBLEM_JSON).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        given().formParam("out_trade_no", "F1").post("/api/v1/fees/alipay/notify?m=" + marker).then().statusCode(200);
    }

    @Test
    void aBearerTokenOnASignedCallbackIsNotPassedOn() {
        given().header("Authorization", "Bearer not-a-token").formParam("out_trade_no", "F1")
                .post("/api/v1/fees/alipay/notify?m=" + marker())
                .then().statusCode(200).body("headers", not(hasKey("authorization")));
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        given().contentType("application/json").body("x".repeat(2048))
                .post("/api/v1/bookings")
                .then().statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void anOversizedBodyIsRefusedAndTheConnectionClosedWithTheBodyUnread() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            // the declared body is never sent: the gateway must answer and hang up instead of waiting for it
            socket.getOutputStream().write(("POST /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWith413() throws Exception {
        String token = KeycloakTokens.password("zhangwei");
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/bookings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // A stream of unknown length is sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[4096])))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JsonPath.from(response.body()).getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aClientThatExpectsContinueGetsTheRefusalBeforeSendingItsBodyAndTheContinueWhenItPasses() {
        String token = KeycloakTokens.password("zhangwei");
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> authenticated = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
        byte[] small = "{\"slotId\":1}".getBytes(StandardCharsets.UTF_8);

        // Without the 100 handled, an oversized upload met the 413 and a closed connection halfway through its body.
        ExpectContinuePost.Answer oversized = ExpectContinuePost.send(
                gateway.resolve("/api/v1/bookings?m=" + marker()), authenticated, new byte[5_000_000]);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.bodySent()).isFalse();
        assertThat(JsonPath.from(oversized.body()).getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");

        ExpectContinuePost.Answer anonymous = ExpectContinuePost.send(
                gateway.resolve("/api/v1/bookings?m=" + marker()), json, small);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.bodySent()).isFalse();
        assertThat(anonymous.headers()).containsEntry("connection", "close");

        // past every check: the 100, then the body, and the service sees no expectation left to answer
        ExpectContinuePost.Answer passing = ExpectContinuePost.send(
                gateway.resolve("/api/v1/bookings?m=" + marker()), authenticated, small);
        assertThat(passing.status()).isEqualTo(200);
        assertThat(passing.bodySent()).isTrue();
        assertThat(JsonPath.from(passing.body()).getInt("bodyLength")).isEqualTo(small.length);
        assertThat(JsonPath.from(passing.body()).getMap("headers")).doesNotContainKey("expect");
    }

    @Test
    void aRequestLineOverTheLimitIsA414ProblemInTheCallersLanguage() throws Exception {
        // "GET /api/v1/halls?m=<marker>&q=ZZZ… HTTP/1.1": 4,096 bytes pass (the HTTP server's old limit), 4,097 do not.
        String marker = marker();
        String prefix = "/api/v1/halls?m=" + marker + "&q=";
        int fill = 4096 - "GET ".length() - prefix.length() - " HTTP/1.1".length();
        assertThat(get(prefix + "Z".repeat(fill), "Accept-Language", "zh-CN").statusCode()).isEqualTo(200);
        assertThat(received(marker)).hasSize(1);

        String tooLong = marker();
        HttpResponse<String> zh = get("/api/v1/halls?m=" + tooLong + "&q=" + "Z".repeat(fill + 1), "X-Request-Id",
                "support-4141-zh");
        HttpResponse<String> en = get("/api/v1/halls/" + "Z".repeat(5000), "Accept-Language", "en-GB,en;q=0.9");

        assertThat(zh.statusCode()).isEqualTo(414);
        assertThat(zh.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(zh.headers().firstValue("X-Request-Id")).hasValue("support-4141-zh");
        JsonPath problem = JsonPath.from(zh.body());
        assertThat(problem.getString("code")).isEqualTo("URI_TOO_LONG");
        assertThat(problem.getString("type")).isEqualTo("https://hkmo.cn/problems/uri-too-long");
        assertThat(problem.getInt("status")).isEqualTo(414);
        assertThat(problem.getString("title")).isEqualTo("请求地址过长");
        assertThat(problem.getString("detail")).isEqualTo("请求行（方法、地址和查询参数）不能超过 4096 字节。");
        assertThat(problem.getString("requestId")).isEqualTo("support-4141-zh");
        assertThat(received(tooLong)).isEmpty();

        assertThat(en.statusCode()).isEqualTo(414);
        assertThat(en.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(en.headers().firstValue("X-Request-Id")).isPresent();
        problem = JsonPath.from(en.body());
        assertThat(problem.getString("code")).isEqualTo("URI_TOO_LONG");
        assertThat(problem.getString("title")).isEqualTo("URI too long");
        assertThat(problem.getString("detail"))
                .isEqualTo("The request line (method, path and query) must not exceed 4096 bytes.");
        assertThat(problem.getString("requestId")).isEqualTo(en.headers().firstValue("X-Request-Id").get());
    }

    @Test
    void headersOverTheLimitAreA431ProblemInTheCallersLanguage() throws Exception {
        // Up to 20 KB of headers in all (the HTTP server's old limit) pass: 19,000 bytes of filler do, 20,500 do not.
        String marker = marker();
        assertThat(get("/api/v1/halls?m=" + marker, "X-Filler", "f".repeat(19_000)).statusCode()).isEqualTo(200);
        assertThat(received(marker)).hasSize(1);

        String refused = marker();
        HttpResponse<String> zh = get("/api/v1/halls?m=" + refused, "X-Filler", "f".repeat(20_500));
        HttpResponse<String> en = get("/q/openapi", "X-Filler", "f".repeat(20_500), "Accept-Language", "en");

        assertThat(zh.statusCode()).isEqualTo(431);
        assertThat(zh.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonPath problem = JsonPath.from(zh.body());
        assertThat(problem.getString("code")).isEqualTo("HEADERS_TOO_LARGE");
        assertThat(problem.getString("type")).isEqualTo("https://hkmo.cn/problems/headers-too-large");
        assertThat(problem.getString("title")).isEqualTo("请求头过大");
        assertThat(problem.getString("detail")).isEqualTo("请求头合计不能超过 20480 字节。");
        assertThat(problem.getString("requestId")).isEqualTo(zh.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(received(refused)).isEmpty();

        assertThat(en.statusCode()).isEqualTo(431);
        assertThat(en.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        problem = JsonPath.from(en.body());
        assertThat(problem.getString("code")).isEqualTo("HEADERS_TOO_LARGE");
        assertThat(problem.getString("title")).isEqualTo("Request headers too large");
        assertThat(problem.getString("detail")).isEqualTo("The request headers must not exceed 20480 bytes in total.");

        // The same over HTTP/2 (h2c), whose own header list limit would otherwise refuse 8 KB with a bare 431.
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        h2.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/halls?m=h2")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> overH2 = h2.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/halls"))
                .header("X-Filler", "f".repeat(20_500)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overH2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(overH2.statusCode()).isEqualTo(431);
        assertThat(JsonPath.from(overH2.body()).getString("code")).isEqualTo("HEADERS_TOO_LARGE");
    }

    @Test
    void aSilentServiceGives504() {
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/slow")
                .then().statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UPSTREAM_TIMEOUT"))
                .body("type", equalTo("https://hkmo.cn/problems/upstream-timeout"));
    }

    @Test
    void aServiceThatIsDownGives503() {
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/cases")
                .then().statusCode(503)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("detail", startsWith("审批签发服务"))
                .body("requestId", notNullValue());
    }

    @Test
    void anUnknownPathIs404() {
        given().get("/api/v1/nothing-here").then().statusCode(404).body("code", equalTo("ROUTE_NOT_FOUND"));
    }

    @Test
    void paymentNotificationsPassWithoutBearerCheck() {
        String marker = marker();
        given().header("Authorization", "Bearer not-a-token").formParam("out_trade_no", "F1")
                .post("/api/v1/fees/alipay/notify?m=" + marker)
                .then().statusCode(200);
        assertThat(received(marker)).hasSize(1);
    }

    @Test
    void refusedPaymentCallbacksAreLimitedPerAddressWhileAcceptedOnesCostNothing() throws Exception {
        // %test: 3 refused callbacks per address a minute; the fake service refuses when asked to (?status=400).
        // From an address of its own, so the other tests' callbacks (from 127.0.0.1) keep their budget.
        String marker = marker();
        for (int i = 0; i < 5; i++) {
            assertThat(notifyFrom("127.0.0.2", "?m=" + marker)).startsWith("HTTP/1.1 200");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(notifyFrom("127.0.0.2", "?status=400&m=" + marker)).startsWith("HTTP/1.1 400");
        }
        String limited = notifyFrom("127.0.0.2", "?m=" + marker);

        assertThat(limited).startsWith("HTTP/1.1 429").contains("RATE_LIMITED").containsPattern("(?i)retry-after: [1-9]")
                .containsPattern("(?i)ratelimit-policy: \"refused-callbacks\";q=3;w=60")
                .containsPattern("(?i)ratelimit: \"refused-callbacks\";r=0;t=[1-9]");
        assertThat(received(marker)).as("the service never saw the limited callback").hasSize(8);
        given().formParam("out_trade_no", "F1").post("/api/v1/fees/alipay/notify?m=" + marker()).then().statusCode(200);
    }

    /** A notify sent from {@code source} (a loopback address), answered with its status line, headers and body. */
    private String notifyFrom(String source, String query) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.getPort(),
                java.net.InetAddress.getByName(source), 0)) {
            socket.setSoTimeout(10_000);
            String form = "sign=x";
            socket.getOutputStream().write(("POST /api/v1/fees/alipay/notify" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\nConnection: close\r\n\r\n" + form).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void questionsAskedByPostNeedNoTokenButOtherWritesDo() {
        String assessment = marker();
        given().contentType("application/json").body("{}").post("/api/v1/eligibility/assessments?m=" + assessment)
                .then().statusCode(200);
        String quote = marker();
        given().contentType("application/json").body("{}").post("/api/v1/fees/quotes?m=" + quote)
                .then().statusCode(200);
        assertThat(received(assessment)).hasSize(1);
        assertThat(received(quote)).hasSize(1);

        String order = marker();
        given().contentType("application/json").body("{}").post("/api/v1/fees/orders/F1/alipay?m=" + order)
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        assertThat(received(order)).isEmpty();
    }

    @Test
    void citizensReachTheirOwnIntakeRecordsButNotTheCounter() {
        String citizen = KeycloakTokens.password("zhangwei");
        given().auth().oauth2(citizen).get("/api/v1/intake/my/applications?m=" + marker()).then().statusCode(200);
        given().auth().oauth2(citizen).get("/api/v1/intake/bookings/B1?m=" + marker())
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void dotSegmentsCannotSmuggleAProtectedPathPastTheEdge() throws Exception {
        String marker = marker();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/halls/../bookings?m=" + marker)).GET()
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(received(marker)).isEmpty();
    }

    @Test
    void corsPreflightFromTheH5OriginIsAllowedAndFromOthersRefused() {
        given().header("Origin", "https://h5.hkmo.cn")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/bookings")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://h5.hkmo.cn");

        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/bookings")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aBrowserMayReadWhetherAnAnswerIsAReplayAndItsRequestId() {
        String exposed = given().header("Origin", "https://h5.hkmo.cn").get("/api/v1/halls?m=" + marker())
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://h5.hkmo.cn")
                .extract().header("Access-Control-Expose-Headers");
        // a retried submit answered from the stored response says so; a front-end must be able to tell
        assertThat(exposed).contains("Idempotent-Replayed", "X-Request-Id", "Retry-After", "RateLimit", "RateLimit-Policy",
                "Location");
    }

    @Test
    void theOpenApiDocumentMergesTheServicesDocuments() {
        JsonPath document = given().get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(document.getMap("paths")).containsKeys("/api/v1/halls", "/api/v1/bookings",
                "/api/v1/eligibility/assessments").doesNotContainKey("/q/health");
        assertThat(document.getMap("components.securitySchemes")).containsOnlyKeys("oidc");
        assertThat(document.getString("components.securitySchemes.oidc.openIdConnectUrl"))
                .endsWith("/realms/hkmo/.well-known/openid-configuration");
        assertThat(document.getList("paths.'/api/v1/bookings'.post.security.oidc", List.class).get(0))
                .containsExactly("citizen");
        assertThat(document.getString("info.x-hkmo-services.appointment")).isEqualTo("ok");
        assertThat(document.getString("info.x-hkmo-services.issuance")).isEqualTo("missing");
    }

    @Test
    void theWebAppsAreServedWithAContentSecurityPolicyTheirSettingsAndAFreshPage() {
        for (String app : List.of("h5", "console")) {
            String page = given().get("/" + app + "/").then().statusCode(200)
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self';"))
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-cache")
                    .extract().asString();
            // no inline script the policy would have to allow: every script is a file of this origin
            assertThat(page).contains("<script type=\"module\"").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            java.util.regex.Matcher asset = java.util.regex.Pattern.compile("/" + app + "/assets/[^\"]+\\.js").matcher(page);
            assertThat(asset.find()).as(app + " names its hashed script").isTrue();
            given().get(asset.group()).then().statusCode(200)
                    .header("Cache-Control", not(equalTo("no-cache")));
        }
        given().get("/h5/config.json").then().statusCode(200).body("clientId", equalTo("hkmo-h5"))
                .body("authority", startsWith("http"));
        given().get("/console/config.json").then().statusCode(200).body("clientId", equalTo("hkmo-console"));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        String config = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertThat(config).contains("/q/openapi");
    }

    @Test
    void readinessReportsServicesWithoutFailing() {
        given().baseUri("http://" + management.getAuthority()).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream services (informational)' }.data.appointment", equalTo("UP"))
                .body("checks.find { it.name == 'upstream services (informational)' }.data.issuance",
                        equalTo("UNREACHABLE"));
        // the alert RateLimitStoreUnavailable (k8s) watches this counter; it exists before the first failure
        given().baseUri("http://" + management.getAuthority()).get("/q/metrics").then().statusCode(200)
                .body(containsString("hkmo_gateway_rate_limit_store_failures_total"));
    }

    @Test
    void healthAndMetricsAreNotServedOnThePublicPort() {
        // the Ingress publishes this port: what the probes and Prometheus read stays on the management interface
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().get(path).then().statusCode(404);
        }
        given().get("/q/openapi").then().statusCode(200);
    }

    /** java.net.http sends the target exactly as given (rest-assured would re-encode it). */
    private HttpResponse<String> get(String target, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + target.substring(1))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String marker() {
        return UUID.randomUUID().toString();
    }

    private List<Object> received(String marker) {
        return given().baseUri(appointmentUrl).get(FakeUpstreams.RECEIVED_PATH).then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.uri.contains('" + marker + "') }");
    }
}
