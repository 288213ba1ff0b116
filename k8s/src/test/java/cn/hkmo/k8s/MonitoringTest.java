package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every application is scraped, and every signal the suite exposes for operations has an alert. */
class MonitoringTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    /** The metrics an operator must hear about (kit OutboxRelay, Inbox, CalendarSource, Reencryption; gateway RateLimiter; HTTP; Kafka Exporter). */
    static final List<String> SIGNALS = List.of("hkmo_outbox_backlog", "hkmo_outbox_send_failures_total",
            "hkmo_inbox_retries_total{cause=\"outage\"}", "hkmo_inbox_retries_total{cause=\"failure\"}",
            "hkmo_calendar_published_until_seconds", "hkmo_calendar_file_refused", "hkmo_gateway_rate_limit_store_failures_total",
            "kafka_topic_partition_current_offset",
            "kafka_consumergroup_lag", "hkmo_personal_data_old_key_rows", "status=~\"5..\"", "status=\"429\"",
            "uri=\"/api/v1/fees/alipay/notify\"");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationIsScrapedOnItsMetricsPath(String overlay) {
        List<JsonNode> objects = Repo.objects(overlay);
        JsonNode monitor = Repo.named(objects, "PodMonitor", "hkmo-applications");
        assertThat(monitor).isNotNull();
        List<String> selected = new ArrayList<>();
        monitor.path("spec").path("selector").path("matchExpressions").get(0).path("values").forEach(v -> selected.add(v.asText()));
        assertThat(selected).containsExactlyInAnyOrderElementsOf(Repo.APPS);
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(endpoint.path("port").asText()).as("the management port, which the Ingress never routes").isEqualTo("management");
        for (String app : Repo.APPS) {
            JsonNode container = Repo.named(objects, "Deployment", app).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            List<String> ports = new ArrayList<>();
            container.path("ports").forEach(p -> ports.add(p.path("name").asText()));
            assertThat(ports).as(app + " names the port the PodMonitor scrapes").contains(endpoint.path("port").asText());
        }
        assertThat(Repo.named(objects, "Kafka", "hkmo-kafka").path("spec").has("kafkaExporter")).isTrue();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySignalHasAnAlertWithASeverityAndASummary(String overlay) {
        JsonNode rules = Repo.named(Repo.objects(overlay), "PrometheusRule", "hkmo-alerts");
        assertThat(rules).isNotNull();
        List<String> expressions = new ArrayList<>();
        rules.path("spec").path("groups").forEach(g -> g.path("rules").forEach(r -> {
            assertThat(r.path("labels").path("severity").asText()).as(r.path("alert").asText()).isIn("warning", "critical");
            assertThat(r.path("annotations").path("summary").asText()).as(r.path("alert").asText()).isNotBlank();
            expressions.add(r.path("expr").asText());
        }));
        for (String signal : SIGNALS) {
            assertThat(expressions).as("an alert on " + signal).anyMatch(e -> e.contains(signal));
        }
    }
}
