package cn.hkmo.systemtests.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The published contract, {@code docs/openapi.yaml}: the gateway's merged {@code /q/openapi} in a canonical form
 * (keys sorted, so the services' order of answering does not matter; the realm's address as in the local run,
 * {@code http://localhost:8180}, since the tests run Keycloak on a free port), and the check for breaking changes.
 */
public final class OpenApiContract {

    public static final String FILE = "docs/openapi.yaml";
    static final String LOCAL_KEYCLOAK = "http://localhost:8180";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private OpenApiContract() {
    }

    /**
     * The committed document as a tree. Read with SnakeYAML, not Jackson's YAML parser: an unquoted example such as
     * 13:45:30.123456789 (a LocalTime) is no number Jackson can read.
     */
    public static JsonNode committed() throws IOException {
        return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(Suite.locateRepoRoot().resolve(FILE))));
    }

    /** The document as committed, from the gateway's answer; fails when a service's document was missing. */
    public static String canonical(String mergedJson, String keycloakUrl) {
        try {
            JsonNode doc = JSON.readTree(mergedJson);
            doc.path("info").path("x-hkmo-services").fields().forEachRemaining(s -> {
                if (!"ok".equals(s.getValue().asText())) {
                    throw new IllegalStateException("service " + s.getKey() + " missing from the merged document");
                }
            });
            JsonNode oidc = doc.path("components").path("securitySchemes").path("oidc");
            if (oidc instanceof ObjectNode scheme) {
                scheme.put("openIdConnectUrl", scheme.path("openIdConnectUrl").asText().replace(keycloakUrl, LOCAL_KEYCLOAK));
            }
            return YAML.writeValueAsString(sorted(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    /**
     * What in {@code current} breaks a client written against {@code committed}: operations removed, and operations
     * whose parameters, bodies or answers changed incompatibly (a removed answer field, a new required input, ...),
     * as openapi-diff judges them. Empty when every old client still works.
     */
    public static List<String> breakingChanges(String committed, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(committed, current);
        List<String> breaking = new ArrayList<>();
        diff.getMissingEndpoints().forEach(e -> breaking.add("removed: " + e.getMethod() + " " + e.getPathUrl()));
        diff.getChangedOperations().stream().filter(op -> op.isIncompatible())
                .forEach(op -> breaking.add("changed incompatibly: " + op.getHttpMethod() + " " + op.getPathUrl()));
        return breaking;
    }
}
