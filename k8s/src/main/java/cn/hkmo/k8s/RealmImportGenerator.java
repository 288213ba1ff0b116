package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the Keycloak operator's {@code KeycloakRealmImport} from the realm kept as code
 * ({@code platform/src/main/resources/keycloak/hkmo-realm.json}), so the cluster and the local run
 * import the same realm:
 * <ul>
 *   <li>{@code k8s/base/keycloak/realm-import.yaml}: the realm as it is (dev/test realm);</li>
 *   <li>{@code k8s/overlays/prod/keycloak/realm-import-prod.yaml}: a JSON 6902 patch that replaces
 *       {@code spec.realm} with the production realm: no test clients, no demo users, no password grant,
 *       no localhost redirects, a partner's exact callback (not a pattern) and the confidential clients'
 *       secrets taken from a Secret through the operator's placeholders.</li>
 * </ul>
 * Run {@code ./mvnw -pl k8s test -Dhkmo.k8s.regenerate=true} after changing the realm;
 * {@code RealmImportFilesTest} fails while the committed files differ from what this produces.
 */
public final class RealmImportGenerator {

    /** Clients that exist for tests and the local run only. */
    public static final Set<String> TEST_CLIENTS = Set.of("hkmo-dev-cli", "short-lived-cli", "other-app");
    /** Secret (externally managed in prod) holding the confidential clients' secrets and the public origin. */
    public static final String PROD_REALM_SECRET = "hkmo-realm-secrets";
    public static final String PUBLIC_ORIGIN_PLACEHOLDER = "HKMO_PUBLIC_ORIGIN";

    static final String REALM_JSON = "platform/src/main/resources/keycloak/hkmo-realm.json";
    static final String BASE_FILE = "k8s/base/keycloak/realm-import.yaml";
    static final String PROD_FILE = "k8s/overlays/prod/keycloak/realm-import-prod.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final String HEADER = "# GENERATED from " + REALM_JSON + " by cn.hkmo.k8s.RealmImportGenerator. Do not edit:\n"
            + "# change the realm JSON, then run ./mvnw -pl k8s test -Dhkmo.k8s.regenerate=true\n";

    private RealmImportGenerator() {
    }

    /** File (relative to the repository root) to its generated content. */
    public static Map<String, String> generate(Path repoRoot) {
        JsonNode realm = read(repoRoot.resolve(REALM_JSON));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BASE_FILE, baseImport(realm));
        files.put(PROD_FILE, prodPatch(realm));
        return files;
    }

    public static void write(Path repoRoot) {
        generate(repoRoot).forEach((file, content) -> {
            try {
                Path target = repoRoot.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize());
    }

    static String baseImport(JsonNode realm) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        doc.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("name", "hkmo-realm");
        metadata.putObject("labels").put("app.kubernetes.io/part-of", "hkmo");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "hkmo-keycloak");
        spec.set("realm", realm.deepCopy());
        return HEADER + yaml(doc);
    }

    static String prodPatch(JsonNode realm) {
        ObjectNode prod = prodRealm(realm);
        ObjectNode placeholders = JSON.createObjectNode();
        placeholder(placeholders, PUBLIC_ORIGIN_PLACEHOLDER, "public-origin");
        for (JsonNode client : prod.withArray("clients")) {
            if (isPartner(client)) {
                String clientId = client.get("clientId").asText();
                placeholder(placeholders, redirectPlaceholder(clientId), clientId + "-redirect-uri");
            }
            if (client.hasNonNull("secret")) {
                String name = secretPlaceholder(client.get("clientId").asText());
                placeholder(placeholders, name, client.get("clientId").asText() + "-secret");
                ((ObjectNode) client).put("secret", "${" + name + "}");
            }
        }
        ArrayNode ops = JSON.createArrayNode();
        ObjectNode replace = ops.addObject();
        replace.put("op", "replace");
        replace.put("path", "/spec/realm");
        replace.set("value", prod);
        ObjectNode add = ops.addObject();
        add.put("op", "add");
        add.put("path", "/spec/placeholders");
        add.set("value", placeholders);
        return HEADER + "# JSON 6902 patch of KeycloakRealmImport hkmo-realm: the production realm.\n" + yaml(ops);
    }

    /** The production realm: what the dev realm has, less everything that exists only for tests. */
    static ObjectNode prodRealm(JsonNode realm) {
        ObjectNode prod = realm.deepCopy();
        if ("none".equals(prod.path("sslRequired").asText())) {
            prod.put("sslRequired", "external");
        }
        // brute-force protection is off in the dev/test realm so tests can fail logins freely
        prod.put("bruteForceProtected", true);
        String displayName = prod.path("displayName").asText("");
        if (displayName.contains("(dev/test)")) {
            prod.put("displayName", displayName.replace("(dev/test)", "").trim());
        }
        Set<String> keptClients = new HashSet<>();
        ArrayNode clients = prod.withArray("clients");
        for (Iterator<JsonNode> it = clients.elements(); it.hasNext(); ) {
            ObjectNode client = (ObjectNode) it.next();
            String id = client.path("clientId").asText();
            if (TEST_CLIENTS.contains(id)) {
                it.remove();
                continue;
            }
            keptClients.add(id);
            client.put("directAccessGrantsEnabled", false);
            if (isPartner(client)) {
                // A partner's callback lives on its own site and is registered exactly: a pattern lets an attacker
                // choose where the authorization code goes (issue 15). One URI per placeholder is what the operator
                // substitutes.
                client.set("redirectUris", JsonNodeFactory.instance.arrayNode().add("${" + redirectPlaceholder(id) + "}"));
            } else {
                replaceLocalUris(client, "redirectUris", "${" + PUBLIC_ORIGIN_PLACEHOLDER + "}", true);
            }
            replaceLocalUris(client, "webOrigins", "${" + PUBLIC_ORIGIN_PLACEHOLDER + "}", false);
            JsonNode attributes = client.get("attributes");
            if (attributes instanceof ObjectNode attrs && attrs.has("post.logout.redirect.uris")) {
                String value = attrs.get("post.logout.redirect.uris").asText();
                if (value.contains("localhost") || value.contains("127.0.0.1")) {
                    attrs.put("post.logout.redirect.uris", "${" + PUBLIC_ORIGIN_PLACEHOLDER + "}/*");
                }
            }
        }
        // Only the service-account users of the clients that remain; every demo user goes.
        ArrayNode users = prod.withArray("users");
        for (Iterator<JsonNode> it = users.elements(); it.hasNext(); ) {
            JsonNode user = it.next();
            String owner = user.path("serviceAccountClientId").asText(null);
            if (owner == null || !keptClients.contains(owner)) {
                it.remove();
            }
        }
        return prod;
    }

    /**
     * Local URIs become the public origin. With {@code keepPath} each keeps its path, so a web app's redirects stay
     * limited to its own path ({@code http://localhost:8080/h5/*} becomes {@code ${HKMO_PUBLIC_ORIGIN}/h5/*}).
     */
    private static void replaceLocalUris(ObjectNode client, String field, String origin, boolean keepPath) {
        JsonNode uris = client.get(field);
        if (!(uris instanceof ArrayNode list)) {
            return;
        }
        Set<String> replaced = new LinkedHashSet<>();
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode uri : list) {
            String text = uri.asText();
            if (text.contains("localhost") || text.contains("127.0.0.1")) {
                replaced.add(keepPath ? origin + LOCAL_ORIGIN.matcher(text).replaceFirst("") : origin);
            } else {
                kept.add(uri);
            }
        }
        if (!replaced.isEmpty()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            replaced.forEach(result::add);
            result.addAll(kept);
            client.set(field, result);
        }
    }

    private static final Pattern LOCAL_ORIGIN = Pattern.compile("^https?://[^/]+");

    /** A third party acting for citizens: it asks for their consent (docs/partners.md). */
    static boolean isPartner(JsonNode client) {
        return client.path("consentRequired").asBoolean(false);
    }

    static String redirectPlaceholder(String clientId) {
        return "HKMO_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_REDIRECT_URI";
    }

    static String secretPlaceholder(String clientId) {
        return "HKMO_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }

    private static void placeholder(ObjectNode placeholders, String name, String key) {
        ObjectNode secret = placeholders.putObject(name).putObject("secret");
        secret.put("name", PROD_REALM_SECRET);
        secret.put("key", key);
    }

    /** Keys of {@link #PROD_REALM_SECRET} the production realm import needs. */
    public static List<String> prodSecretKeys(JsonNode realm) {
        List<String> keys = new java.util.ArrayList<>();
        keys.add("public-origin");
        for (JsonNode client : prodRealm(realm).withArray("clients")) {
            if (isPartner(client)) {
                keys.add(client.get("clientId").asText() + "-redirect-uri");
            }
            if (client.hasNonNull("secret")) {
                keys.add(client.get("clientId").asText() + "-secret");
            }
        }
        return keys;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
