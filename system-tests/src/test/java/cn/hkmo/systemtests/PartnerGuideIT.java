package cn.hkmo.systemtests;

import cn.hkmo.platform.test.PartnerAuthorization.Grant;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.HttpExamples;
import cn.hkmo.systemtests.harness.HttpExamples.Answer;
import cn.hkmo.systemtests.harness.HttpExamples.Example;
import cn.hkmo.systemtests.harness.Partner;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/partners.md as a partner developer would try it: every {@code http} example of the guide, in its order, sent to
 * the real platform (Keycloak for {@code /realms/...}, the gateway for the rest) as the partner client
 * {@code alipay-partner}, and each real answer matched against the one the guide shows (status, headers shown,
 * fields shown; {@code <name>} placeholders for what differs on every run). The steps a browser does (the citizen's
 * login and consent, the code exchange) are done on Keycloak's real pages for citizens of the test's own, since the
 * demo citizen {@code zhangwei} of the guide has bookings of other tests.
 */
@SystemTest
class PartnerGuideIT {

    private static final String GUIDE = "docs/partners.md";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    @DisplayName("every http example of docs/partners.md answers as the guide shows")
    void theGuidesExamplesAnswerAsShown() throws Exception {
        List<Example> examples = HttpExamples.parse(Files.readString(Suite.get().repoRoot().resolve(GUIDE), StandardCharsets.UTF_8));
        // the guide still walks a partner through all it promises: tokens, public reads, a booking with its replays,
        // problems, refresh and revocation, the answers to a partner without consent
        assertThat(examples).as("http examples of " + GUIDE).hasSizeGreaterThanOrEqualTo(20);
        assertThat(examples.stream().map(e -> e.status()).distinct()).contains(200, 201, 400, 401, 403, 404, 409, 422);
        assertThat(examples.stream().flatMap(e -> e.answerHeaders().keySet().stream())).contains("Idempotent-Replayed");

        Grant grant = Partner.authorizedBy(Citizens.create("guide", 1).get(0).username(), "openid booking payment");
        Grant bookingOnly = Partner.authorizedBy(Citizens.create("guide-booking", 1).get(0).username(), "openid booking");
        Steps.Window window = Steps.nextWindow("BJ-CHAOYANG", Suite.today().plusDays(1), 0);
        HttpExamples guide = new HttpExamples(Map.of(
                "citizen token", grant.accessToken(),
                "refresh token", grant.refreshToken(),
                "booking-only token", bookingOnly.accessToken(),
                "window date", window.date().toString(),
                "window start", window.start()));

        List<String> failures = new ArrayList<>();
        for (Example example : examples) {
            List<String> differences = example.eventually() ? eventually(guide, example) : guide.match(example, send(guide, example));
            if (!differences.isEmpty()) {
                failures.add(GUIDE + " " + example + ": " + String.join("; ", differences));
            }
        }
        assertThat(failures).as("examples whose answer is not the guide's").isEmpty();
        // the guide's "lives 5 minutes": Keycloak answers the seconds left, so a second may turn while it answers
        assertThat(guide.value("partner token seconds").map(Integer::parseInt))
                .as("expires_in of the partner's token").hasValueSatisfying(seconds -> assertThat(seconds).isBetween(290, 300));
    }

    /** Repeats the example until its answer is the one shown (a revocation takes effect within a delay), or gives up. */
    private static List<String> eventually(HttpExamples guide, Example example) {
        List<List<String>> last = new ArrayList<>(List.of(List.of("never sent")));
        try {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(0, guide.match(example, send(guide, example)));
                return last.get(0).isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return List.of("not within " + EVENTUALLY.toSeconds() + " s: " + String.join("; ", last.get(0)));
        }
        return List.of();
    }

    private static Answer send(HttpExamples guide, Example example) throws Exception {
        Suite suite = Suite.get();
        String base = example.path().startsWith("/realms/") ? suite.keycloakUrl() : suite.gatewayUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + guide.fill(example.path())))
                .timeout(Duration.ofSeconds(30))
                .method(example.method(), example.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(guide.fill(example.body()), StandardCharsets.UTF_8));
        Set<String> restricted = Set.of("host", "content-length", "connection");
        example.headers().forEach((name, value) -> {
            if (!restricted.contains(name.toLowerCase())) {
                request.header(name, guide.fill(value));
            }
        });
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(answer.statusCode(), answer.headers().map(), answer.body());
    }
}
