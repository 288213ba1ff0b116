package cn.hkmo.systemtests;

import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PartnerAuthorization.Grant;
import cn.hkmo.platform.test.PartnerAuthorization.Refresh;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Partner;
import cn.hkmo.systemtests.harness.Replicas;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The identity findings of the attacker's probe (issue 15), replayed as the attacker made them: a revoked partner
 * token still served by the services, the password grant through Keycloak's admin-cli, rate limits that a request
 * without a token or one officer could get around, and a partner redirect URI pattern plus reusable refresh tokens.
 * Each test failed on the code before the fix.
 */
@SystemTest
class AttackerFindings3IT {

    @Test
    @DisplayName("a partner's token is refused by the service itself (not only the gateway) once the citizen withdrew the consent")
    void aWithdrawnConsentStopsThePartnerAtTheServiceToo() {
        // a demo citizen: the account console needs the roles the realm gives its users (PartnerIT revokes them too)
        String citizen = "liuyang";
        String token = Partner.authorizedBy(citizen, "openid booking").accessToken();
        String appointment = Suite.get().url(Suite.APPOINTMENT);
        given().baseUri(appointment).auth().oauth2(token).get("/api/v1/bookings").then().statusCode(200);

        Partner.revokeConsent(citizen, Tokens.PARTNER_CLIENT);

        // The attacker's request went to :8081 directly. The service trusts a confirmed grant for its recheck-after
        // (Suite: 2 s), then asks Keycloak; the token itself stays valid for minutes.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(appointment).auth().oauth2(token).get("/api/v1/bookings").then().statusCode(401)
                        .contentType("application/problem+json")
                        .body("code", equalTo("DELEGATION_REVOKED")));
    }

    @Test
    @DisplayName("the password grant through Keycloak's built-in admin-cli is refused; only the dev client takes passwords")
    void thePasswordGrantThroughAdminCliIsRefused() {
        Response answer = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "zhangwei", "password", Citizens.PASSWORD))
                .post(KeycloakTokens.tokenEndpoint());

        assertThat(answer.statusCode()).as(answer.asString()).isIn(400, 401);
        assertThat(answer.asString()).contains("unauthorized_client").doesNotContain("access_token");
        assertThat(KeycloakTokens.password("zhangwei")).as("the dev client still signs in").isNotBlank();
    }

    @Test
    @DisplayName("requests without a token or with a forged one spend their address's budget before the 401: 429 once it is gone")
    void anonymousAndForgedTokenFloodsAreLimitedBeforeThe401() {
        String gateway = Replicas.strictGateway();
        // From addresses of their own, so no other test's budget at this gateway is spent.
        List<String> anonymous = flood(gateway, "127.0.0.31", null, Replicas.ANONYMOUS_LIMIT_PER_MINUTE + 40);
        assertLimitedAfter(anonymous, "HTTP/1.1 401", Replicas.ANONYMOUS_LIMIT_PER_MINUTE);

        List<String> forged = flood(gateway, "127.0.0.32", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
                Replicas.ANONYMOUS_LIMIT_PER_MINUTE + 40);
        assertLimitedAfter(forged, "HTTP/1.1 401", Replicas.ANONYMOUS_LIMIT_PER_MINUTE);
        assertThat(forged.get(0)).contains("INVALID_TOKEN");
    }

    @Test
    @DisplayName("one officer spends their own budget, not their colleagues' on the same client")
    void oneOfficerCannotDrainTheClientBudgetForEveryone() {
        String gateway = Replicas.strictGateway();
        String officer = Tokens.of("officer.cd");
        Map<Integer, Integer> statuses = new TreeMap<>();
        Response limited = null;
        // An admin path: the edge answers 403 itself, so the burst costs no service anything.
        long t0 = System.nanoTime();
        for (int i = 0; i < 2 * Replicas.STAFF_LIMIT_PER_MINUTE && limited == null; i++) {
            Response r = given().baseUri(gateway).auth().oauth2(officer).get("/api/v1/admin/halls");
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        System.out.println("[attacker] one officer's burst: " + statuses);
        assertThat(limited).as("the officer's own budget ran out: " + statuses).isNotNull();
        assertThat(limited.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).matches("[1-9]\\d*");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L + 1;
        assertThat(statuses.get(403)).as("allowed: the bucket plus its refill (5/s)")
                .isLessThanOrEqualTo(Replicas.STAFF_LIMIT_PER_MINUTE + 5 * (int) seconds);

        // a colleague on the same client (hkmo-dev-cli) is not affected
        given().baseUri(gateway).auth().oauth2(Tokens.of("officer.sz")).get("/api/v1/admin/halls").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    @DisplayName("the partner's redirect URIs are exact, and a refresh token works once")
    void partnerRedirectsAreExactAndRefreshTokensRotate() {
        // the attacker's redirect under the old pattern http://localhost:8080/*
        for (String redirect : List.of("http://localhost:8080//evil.example/x", "http://localhost:8080/partner/other")) {
            Response login = given().redirects().follow(false).get(authorizationUrl(redirect));
            assertThat(login.statusCode()).as(redirect + " accepted: " + login.statusCode()).isEqualTo(400);
            assertThat(login.asString()).containsIgnoringCase("redirect_uri");
        }

        String citizen = Citizens.create("rotation", 1).get(0).username();
        Grant grant = Partner.authorizedBy(citizen, "openid booking");
        Refresh first = Partner.refresh(grant.refreshToken());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("refresh_token").doesNotContain(grant.refreshToken());

        Refresh replayed = Partner.refresh(grant.refreshToken());
        assertThat(replayed.status()).as("the same refresh token a second time: " + replayed.body()).isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_grant");
    }

    private static String authorizationUrl(String redirect) {
        String auth = KeycloakTokens.tokenEndpoint().replaceAll("/token$", "/auth");
        return auth + "?response_type=code&client_id=" + Tokens.PARTNER_CLIENT + "&scope=openid&state=s1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
    }

    /** {@code count} token-required requests from {@code source} (a loopback address), their raw answers in order. */
    private static List<String> flood(String gateway, String source, String authorization, int count) {
        URI uri = URI.create(gateway);
        List<String> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try (Socket socket = new Socket("127.0.0.1", uri.getPort(), InetAddress.getByName(source), 0)) {
                socket.setSoTimeout(10_000);
                String request = "GET /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\n"
                        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                        + "Connection: close\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                answers.add(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return answers;
    }

    private static void assertLimitedAfter(List<String> answers, String before, int budget) {
        int firstLimited = -1;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).startsWith("HTTP/1.1 429")) {
                firstLimited = i;
                break;
            }
            assertThat(answers.get(i)).as("answer " + i).startsWith(before);
        }
        // the bucket refills 2 a second while the flood runs
        assertThat(firstLimited).as("429 after the budget (" + budget + ") plus its refill").isBetween(budget, budget + 30);
        String limited = answers.get(firstLimited);
        assertThat(limited).contains("RATE_LIMITED").containsPattern("(?i)retry-after: [1-9]");
    }
}
