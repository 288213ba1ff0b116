package cn.hkmo.systemtests.harness;

import cn.hkmo.systemtests.harness.HttpExamples.Answer;
import cn.hkmo.systemtests.harness.HttpExamples.Example;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reading of a guide's http examples (no platform): what PartnerGuideIT relies on to fail when the guide is wrong. */
class HttpExamplesTest {

    private static final String GUIDE = """
            # Guide

            ```http
            POST /api/v1/bookings
            Authorization: Bearer <citizen token>
            Idempotency-Key: <booking key>

            {"hallId": "BJ-CHAOYANG"}

            HTTP/1.1 201
            Idempotent-Replayed: true
            {"bookingNo": "<booking number>", "status": "BOOKED", "items": [{"id": "A"}], "total": 1}
            ```

            ```http eventually
            GET /api/v1/bookings/<booking number>

            HTTP/1.1 401
            ```
            """;

    @Test
    void blocksAreReadAsRequestAndAnswer() {
        List<Example> examples = HttpExamples.parse(GUIDE);
        assertThat(examples).hasSize(2);
        Example book = examples.get(0);
        assertThat(book.line()).isEqualTo(3);
        assertThat(book.method()).isEqualTo("POST");
        assertThat(book.path()).isEqualTo("/api/v1/bookings");
        assertThat(book.headers()).containsEntry("Idempotency-Key", "<booking key>");
        assertThat(book.body()).isEqualTo("{\"hallId\": \"BJ-CHAOYANG\"}");
        assertThat(book.status()).isEqualTo(201);
        assertThat(book.answerHeaders()).containsOnlyKeys("Idempotent-Replayed");
        assertThat(book.eventually()).isFalse();
        assertThat(examples.get(1).eventually()).isTrue();
        assertThat(examples.get(1).answerBody()).isEmpty();
    }

    @Test
    void placeholdersAreFilledCapturedAndThenHeldToTheirValue() {
        HttpExamples guide = new HttpExamples(Map.of("citizen token", "T1"));
        Example book = HttpExamples.parse(GUIDE).get(0);
        assertThat(guide.fill(book.headers().get("Authorization"))).isEqualTo("Bearer T1");
        String key = guide.fill("<booking key>");
        assertThat(guide.fill("<booking key>")).as("the same key for the replay").isEqualTo(key).isNotBlank();

        Answer first = answer(201, "{\"bookingNo\": \"BK1\", \"status\": \"BOOKED\", \"items\": [{\"id\": \"B\"}, {\"id\": \"A\"}],"
                + " \"total\": 1.0, \"more\": true}");
        assertThat(guide.match(book, first)).isEmpty();
        assertThat(guide.value("booking number")).contains("BK1");
        assertThat(guide.fill("/api/v1/bookings/<booking number>")).isEqualTo("/api/v1/bookings/BK1");

        assertThat(guide.match(book, answer(201, "{\"bookingNo\": \"BK2\", \"status\": \"BOOKED\", \"items\": [{\"id\": \"A\"}], \"total\": 1}")))
                .as("a placeholder seen before is that value").singleElement().asString().contains("$.bookingNo");
    }

    @Test
    void everyDifferenceIsNamed() {
        Example book = HttpExamples.parse(GUIDE).get(0);
        List<String> differences = new HttpExamples(Map.of()).match(book, new Answer(200, Map.of(),
                "{\"status\": \"CANCELLED\", \"items\": [{\"id\": \"B\"}], \"total\": 2}"));
        assertThat(differences).anyMatch(d -> d.contains("status 200 instead of 201"))
                .anyMatch(d -> d.contains("header Idempotent-Replayed"))
                .anyMatch(d -> d.contains("$.bookingNo missing"))
                .anyMatch(d -> d.contains("$.status"))
                .anyMatch(d -> d.contains("$.items: no item like"))
                .anyMatch(d -> d.contains("$.total"));
    }

    private static Answer answer(int status, String body) {
        return new Answer(status, Map.of("idempotent-replayed", List.of("true")), body);
    }
}
