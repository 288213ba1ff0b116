package cn.hkmo.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AccessLogFormatTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final long END = Instant.parse("2026-12-06T03:04:05.678Z").toEpochMilli();

    private static AccessLogEntry entry(String uri, long bytes, String requestId) {
        return new AccessLogEntry(END, "vert.x-eventloop-thread-1", "10.0.3.7", "GET", uri, "HTTP/1.1", 200, bytes,
                3_456, requestId);
    }

    @Test
    void textIsTheConsolesPatternAroundTheLine() {
        assertThat(new AccessLogFormat(false, BEIJING).format(entry("/api/v1/halls?city=110000", 5321, "abc-12345")))
                .isEqualTo("11:04:05.678 INFO  [io.qu.ht.access-log] (vert.x-eventloop-thread-1) [abc-12345] "
                        + "10.0.3.7 \"GET /api/v1/halls?city=110000 HTTP/1.1\" 200 5321 3ms rid=abc-12345");
    }

    @Test
    void noBodyAndNoRequestIdAreDashes() {
        assertThat(AccessLogFormat.line(entry("/x", 0, null)))
                .isEqualTo("10.0.3.7 \"GET /x HTTP/1.1\" 200 - 3ms rid=-");
    }

    @Test
    void jsonIsOneObjectWithTheLineAsMessageAndItsFields() throws Exception {
        String uri = "/api/v1/halls?q=\"quoted\"\\back";
        String json = new AccessLogFormat(true, BEIJING).format(entry(uri, 12, "abc-12345"));

        assertThat(json).doesNotContain("\n");
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("timestamp").asText()).isEqualTo("2026-12-06T11:04:05.678+08:00");
        assertThat(node.get("loggerName").asText()).isEqualTo("io.quarkus.http.access-log");
        assertThat(node.get("level").asText()).isEqualTo("INFO");
        assertThat(node.get("message").asText()).isEqualTo(AccessLogFormat.line(entry(uri, 12, "abc-12345")));
        assertThat(node.get("mdc").get("requestId").asText()).isEqualTo("abc-12345");
        assertThat(node.get("uri").asText()).isEqualTo(uri);
        assertThat(node.get("status").asInt()).isEqualTo(200);
        assertThat(node.get("bytesSent").asLong()).isEqualTo(12);
        assertThat(node.get("durationMicros").asLong()).isEqualTo(3_456);
    }
}
