package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway is given in the cluster, read as the application reads it: its prod settings resolved with the
 * environment its prod Deployment supplies. Rate limits shared by all replicas in prod (ADR 0010), per replica in dev;
 * the OpenAPI document names the realm at the public origin.
 */
class GatewayInTheClusterTest {

    private static final String STORE = "hkmo.gateway.rate-limit.store";

    @Test
    void prodReplicasShareOneRateLimitBudgetInADatabaseOnlyTheGatewayReaches() {
        List<JsonNode> prod = Repo.objects("prod");
        Map<String, String> env = env(prod, "gateway");

        assertThat(resolve("${" + STORE + "}", env)).isEqualTo("postgresql");
        assertThat(resolve("${quarkus.datasource.active}", env)).isEqualTo("true");
        URI jdbc = URI.create(resolve("${quarkus.datasource.jdbc.url}", env).substring("jdbc:".length()));
        String cluster = jdbc.getHost().replaceFirst("-rw$", "");
        assertThat(jdbc.getHost()).as("the primary, which takes writes").endsWith("-rw");
        JsonNode database = Repo.named(prod, "Cluster", cluster);
        assertThat(database).as("CloudNativePG Cluster " + cluster).isNotNull();
        assertThat("/" + database.path("spec").path("bootstrap").path("initdb").path("database").asText()).isEqualTo(jdbc.getPath());
        assertThat(jdbc.getQuery()).as("a check fails fast to the replica's own buckets").contains("connectTimeout=", "socketTimeout=");
        assertThat(env).containsEntry("QUARKUS_DATASOURCE_USERNAME", "secret:" + cluster + "-app/username")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "secret:" + cluster + "-app/password");

        JsonNode policy = Repo.named(prod, "NetworkPolicy", cluster + "-ingress");
        assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText()).isEqualTo(cluster);
        List<String> apps = new ArrayList<>();
        policy.path("spec").path("ingress").forEach(rule -> rule.path("from").forEach(peer -> {
            String app = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText("");
            if (!app.isEmpty()) {
                apps.add(app);
            }
        }));
        assertThat(apps).containsExactly("gateway");
    }

    @Test
    void devKeepsTheBucketsInEachReplica() {
        Map<String, String> env = env(Repo.objects("dev"), "gateway");
        assertThat(resolve("${" + STORE + "}", env)).isEqualTo("local");
        assertThat(resolve("${quarkus.datasource.active}", env)).isEqualTo("false");
    }

    @Test
    void theOpenApiDocumentNamesTheRealmAtThePublicOriginWhereTheIngressRoutesIt() {
        List<JsonNode> prod = Repo.objects("prod");
        JsonNode rule = Repo.ofKind(prod, "Ingress").findFirst().orElseThrow().path("spec").path("rules").get(0);
        String realmPath = null;
        for (JsonNode path : rule.path("http").path("paths")) {
            if (path.path("backend").path("service").path("name").asText().equals("hkmo-keycloak-service")
                    && path.path("path").asText().contains("/realms/")) {
                realmPath = path.path("path").asText();
            }
        }
        assertThat(realmPath).isNotNull();

        assertThat(resolve("${hkmo.gateway.openapi.open-id-connect-url}", env(prod, "gateway")))
                .isEqualTo("https://" + rule.path("host").asText() + realmPath + "/.well-known/openid-configuration");
    }

    // ---------------------------------------------------------------- the application's view

    /**
     * The first container's environment: literal values and ConfigMap entries as they are, Secret references as
     * {@code secret:<name>/<key>}.
     */
    private static Map<String, String> env(List<JsonNode> objects, String app) {
        JsonNode container = Repo.named(objects, "Deployment", app).path("spec").path("template").path("spec")
                .path("containers").get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            JsonNode map = Repo.named(objects, "ConfigMap", from.path("configMapRef").path("name").asText());
            if (map != null) {
                map.path("data").fields().forEachRemaining(e -> env.put(from.path("prefix").asText("") + e.getKey(),
                        e.getValue().asText()));
            }
        }
        for (JsonNode e : container.path("env")) {
            JsonNode secret = e.path("valueFrom").path("secretKeyRef");
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText()
                    : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        }
        return env;
    }

    /** Expands {@code ${name}} and {@code ${name:default}} as Quarkus does: the environment first, then the prod values. */
    private static String resolve(String expression, Map<String, String> env) {
        Map<String, String> prodValues = ProdSettingsCoverageTest.prodValues(Repo.root(), "gateway");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            int start = expression.indexOf("${", i);
            if (start < 0) {
                out.append(expression.substring(i));
                break;
            }
            out.append(expression, i, start);
            int depth = 0;
            int end = start;
            for (int j = start; j < expression.length(); j++) {
                if (expression.startsWith("${", j)) {
                    depth++;
                } else if (expression.charAt(j) == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            String inner = expression.substring(start + 2, end);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String value = env.containsKey(name) ? env.get(name)
                    : env.containsKey(ProdSettingsCoverageTest.env(name)) ? env.get(ProdSettingsCoverageTest.env(name))
                    : prodValues.containsKey(name) ? prodValues.get(name)
                    : colon >= 0 ? inner.substring(colon + 1) : null;
            assertThat(value).as("a value for " + name).isNotNull();
            out.append(resolve(value, env));
            i = end + 1;
        }
        return out.toString();
    }
}
