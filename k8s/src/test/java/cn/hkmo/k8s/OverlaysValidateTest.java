package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Every overlay renders, and every object in it validates strictly against its schema. */
class OverlaysValidateTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;
    private static JsonNode reports;

    /** One Node.js run for every overlay and for the deliberately broken copy (start-up dominates). */
    private static synchronized JsonNode reports() throws IOException {
        if (reports == null) {
            List<Path> files = new ArrayList<>();
            for (String overlay : OVERLAYS) {
                Repo.render(overlay);
                files.add(Repo.target().resolve("rendered").resolve(overlay + ".yaml"));
            }
            files.add(writeBroken());
            reports = SchemaCheck.validate(files);
        }
        return reports;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectValidatesAgainstItsSchema(String overlay) throws IOException {
        JsonNode report = reports().path(Repo.target().resolve("rendered").resolve(overlay + ".yaml").toString());

        List<String> failures = new ArrayList<>();
        Map<String, Integer> bySchema = new TreeMap<>();
        for (JsonNode entry : report) {
            String id = entry.path("kind").asText() + " " + entry.path("name").asText();
            entry.path("errors").forEach(e -> failures.add(id + ": " + e.asText()));
            bySchema.merge(entry.path("apiVersion").asText() + " " + entry.path("kind").asText(), 1, Integer::sum);
        }
        System.out.printf("overlay %s: %d objects validated %s%n", overlay, report.size(), bySchema);

        assertThat(failures).as("schema violations in overlay " + overlay).isEmpty();
        assertThat(report.size()).isEqualTo(Repo.objects(overlay).size()).isGreaterThan(40);
    }

    /** The check is real: unknown fields, wrong types and missing required fields fail, in every family of schemas. */
    @Test
    void theCheckRejectsWhatTheApiServerWouldReject() throws IOException {
        JsonNode report = reports().path(Repo.target().resolve("rendered/broken.yaml").toString());
        assertThat(report.size()).isGreaterThan(20);
        for (JsonNode entry : report) {
            assertThat(entry.path("errors").size())
                    .as(entry.path("kind").asText() + " " + entry.path("name").asText() + " must fail")
                    .isGreaterThan(0);
        }
    }

    /** The prod overlay with one mistake in every object of the kinds below. */
    private static Path writeBroken() throws IOException {
        List<JsonNode> objects = Repo.objects("prod");
        StringBuilder yaml = new StringBuilder();
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            var copy = (com.fasterxml.jackson.databind.node.ObjectNode) o.deepCopy();
            switch (kind) {
                case "Deployment" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec").path("template").path("spec")
                        .path("containers").get(0)).put("livenessProbes", "typo");
                case "Service" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec").path("ports").get(0)).put("port", "eighty");
                case "Kafka" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec").path("kafka")).put("zookeeperConnect", "x");
                case "KafkaTopic" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec")).put("partitions", "many");
                case "Cluster" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec")).put("instance", 3);
                case "Keycloak" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec")).put("hostnames", "x");
                case "KeycloakRealmImport" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("spec")).remove("keycloakCRName");
                case "NetworkPolicy" -> ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("metadata")).put("label", "x");
                default -> {
                    continue;
                }
            }
            yaml.append("---\n").append(Repo.YAML.writeValueAsString(copy).replaceFirst("^---\\n", ""));
        }
        Path broken = Repo.target().resolve("rendered/broken.yaml");
        Files.writeString(broken, yaml);
        return broken;
    }
}
