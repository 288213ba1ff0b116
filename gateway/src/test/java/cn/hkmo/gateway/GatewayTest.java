package cn.hkmo.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
@QuarkusTestResource(FakeUpstreams.class)
class GatewayTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ConfigProperty(name = "hkmo.gateway.services.appointment.url")
    String appointmentUrl;

    @TestHTTPResource("/")
    URI gateway;

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
    void aClientOverItsLimitGets429WithRetryAfter() {
        // %test limits courier-ems to 3 requests a minute.
        String token = KeycloakTokens.clientCredentials("courier-ems", "courier-ems-secret");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/halls").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(token).get("/api/v1/halls");

        refused.then().statusCode(429)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("RATE_LIMITED"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
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
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        String config = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertThat(config).contains("/q/openapi");
    }

    @Test
    void readinessReportsServicesWithoutFailing() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream services (informational)' }.data.appointment", equalTo("UP"))
                .body("checks.find { it.name == 'upstream services (informational)' }.data.issuance",
                        equalTo("UNREACHABLE"));
        given().get("/q/metrics").then().statusCode(200);
    }

    private static String marker() {
        return UUID.randomUUID().toString();
    }

    private List<Object> received(String marker) {
        return given().baseUri(appointmentUrl).get(FakeUpstreams.RECEIVED_PATH).then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.uri.contains('" + marker + "') }");
    }
}
