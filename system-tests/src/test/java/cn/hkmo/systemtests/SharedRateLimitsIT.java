package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Replicas;
import cn.hkmo.systemtests.harness.SystemTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: production runs several gateway replicas, and a citizen's budget must hold across them. Two gateway
 * processes keep their buckets in one PostgreSQL database ({@code store=postgresql}, ADR 0010); a citizen's requests,
 * alternating between them, are admitted exactly {@value Replicas#SHARED_CITIZEN_LIMIT_PER_HOUR} times in all, not
 * that many per gateway, and every answer says what is left of the one budget.
 */
@SystemTest
class SharedRateLimitsIT {

    private static final int LIMIT = Replicas.SHARED_CITIZEN_LIMIT_PER_HOUR;

    @Test
    @DisplayName("a citizen alternating between two gateways on the shared store is admitted one budget in all, then 429")
    void aCitizensBudgetHoldsAcrossTwoGateways() {
        List<String> gateways = Replicas.sharedLimitGateways();
        String token = Citizens.create("shared-limits", 1).get(0).token();
        Map<String, Integer> admitted = new TreeMap<>();
        List<String> answers = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 2 * LIMIT; i++) {
            String gateway = gateways.get(i % 2);
            Response answer = given().baseUri(gateway).auth().oauth2(token).get("/api/v1/halls?province=110000");
            answers.add((i % 2 == 0 ? "A " : "B ") + answer.statusCode() + " " + answer.header("RateLimit"));
            if (answer.statusCode() == 200) {
                admitted.merge(gateway, 1, Integer::sum);
                assertThat(answer.header("RateLimit")).as(answers.toString())
                        .startsWith("\"citizen\";r=" + (LIMIT - 1 - i) + ";");
            } else {
                assertThat(answer.statusCode()).as(answers.toString()).isEqualTo(429);
                assertThat(answer.<String>path("code")).isEqualTo("RATE_LIMITED");
                refused = refused == null ? answer : refused;
            }
        }
        System.out.println("SharedRateLimitsIT: " + answers);

        assertThat(admitted.values().stream().mapToInt(Integer::intValue).sum())
                .as("admitted by both gateways together, one budget and not one per gateway: " + answers).isEqualTo(LIMIT);
        assertThat(admitted).as("each gateway admitted its share").hasSize(2).allSatisfy((gateway, n) -> assertThat(n).isEqualTo(LIMIT / 2));
        assertThat(refused).isNotNull();
        assertThat(refused.header("RateLimit-Policy")).startsWith("\"citizen\";q=" + LIMIT + ";w=3600");
        assertThat(refused.header("RateLimit")).startsWith("\"citizen\";r=0;");
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("one token comes back in an hour / " + LIMIT)
                .isBetween(1L, 3600L / LIMIT);
    }
}
