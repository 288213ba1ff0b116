package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting an application must be given in production is supplied by its prod Deployment from a
 * ConfigMap or Secret that exists (rendered by the prod overlay, or declared in
 * {@code k8s/overlays/prod/external-secrets.txt} with its keys). Settings are found in the code as it is
 * when the test runs:
 * <ul>
 *   <li>{@code ${VAR}} without a default in the prod value of any property of the application's
 *       {@code application.properties} (and the service kit's defaults when the application uses the kit);</li>
 *   <li>{@code @ConfigMapping} methods without {@code @WithDefault}, not {@code Optional}, and with no value
 *       in those files for prod: their environment-variable name must be supplied;</li>
 *   <li>the datasource of every application that has one active in prod.</li>
 * </ul>
 * And every Secret or ConfigMap key any prod object refers to exists.
 */
class ProdSettingsCoverageTest {

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s+)*)([\\w.<>, ?]+)\\s+(\\w+)\\(\\s*\\)\\s*;");

    @Test
    void everySettingAnApplicationReadsInProdIsSupplied() {
        List<JsonNode> prod = Repo.objects("prod");
        Sources sources = Sources.of(prod);
        List<String> missing = new ArrayList<>();
        List<String> advisory = new ArrayList<>();
        for (String app : Repo.APPS) {
            JsonNode deployment = Repo.named(prod, "Deployment", app);
            assertThat(deployment).as(app).isNotNull();
            Map<String, String> supplied = sources.envOf(deployment);
            for (String need : requiredEnv(Repo.root(), app)) {
                boolean ok = need.endsWith("_*")
                        ? supplied.keySet().stream().anyMatch(k -> k.startsWith(need.substring(0, need.length() - 1)))
                        : supplied.containsKey(need);
                if (!ok) {
                    missing.add(app + ": " + need);
                }
            }
            for (String need : mappingEnv(Repo.root(), app)) {
                if (!supplied.containsKey(need) && supplied.keySet().stream().noneMatch(k -> need.endsWith("_*") && k.startsWith(need.substring(0, need.length() - 1)))) {
                    advisory.add(app + ": " + need);
                }
            }
            System.out.printf("%s reads in prod: %s%n", app, requiredEnv(Repo.root(), app));
        }
        // Heuristic (source scan of @ConfigMapping): reported, not enforced; a mapping that is never
        // injected in prod, such as the payment simulator's, does not need a value there.
        advisory.forEach(a -> System.out.println("WARNING: @ConfigMapping member without a prod value or env entry: " + a));
        assertThat(missing).as("settings read in prod with no ConfigMap/Secret entry in the prod overlay").isEmpty();
    }

    @Test
    void everySecretAndConfigMapReferenceResolves() {
        List<JsonNode> prod = Repo.objects("prod");
        Sources sources = Sources.of(prod);
        List<String> dangling = new ArrayList<>();
        for (JsonNode o : prod) {
            String id = o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
            o.findParents("secretKeyRef").forEach(p -> check(dangling, id, sources.secrets, p.path("secretKeyRef")));
            o.findParents("configMapKeyRef").forEach(p -> check(dangling, id, sources.configMaps, p.path("configMapKeyRef")));
            o.findValues("secretRef").forEach(r -> checkName(dangling, id, sources.secrets, r.path("name").asText()));
            o.findValues("configMapRef").forEach(r -> checkName(dangling, id, sources.configMaps, r.path("name").asText()));
            o.findValues("secretName").forEach(n -> checkName(dangling, id, sources.secrets, n.asText()));
            o.findValues("usernameSecret").forEach(r -> check(dangling, id, sources.secrets, r));
            o.findValues("passwordSecret").forEach(r -> check(dangling, id, sources.secrets, r));
            o.path("spec").path("placeholders").forEach(p -> check(dangling, id, sources.secrets, p.path("secret")));
        }
        assertThat(dangling).isEmpty();
    }

    /** The check itself: a variable the code reads and nobody supplies is reported. */
    @Test
    void aVariableNobodySuppliesIsReported(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path res = tmp.resolve("svc/src/main/resources");
        Files.createDirectories(res);
        Files.writeString(res.resolve("application.properties"), "%prod.quarkus.datasource.jdbc.url=${DB_URL}\n"
                + "%prod.x.y=${WITH_DEFAULT:1}\nplain=${NOT_IN_PROD}\n%prod.plain=fixed\n");
        Files.writeString(tmp.resolve("svc/pom.xml"), "<project/>");
        assertThat(requiredEnv(tmp, "svc")).containsExactly("DB_URL");
    }

    // ---------------------------------------------------------------- what the code reads

    static Set<String> requiredEnv(Path root, String app) {
        Map<String, String> prodValues = prodValues(root, app);
        Set<String> required = new TreeSet<>();
        prodValues.values().forEach(v -> {
            Matcher m = VAR.matcher(v);
            while (m.find()) {
                if (ENV_NAME.matcher(m.group(1)).matches()) {
                    required.add(m.group(1));
                }
            }
        });
        if ("postgresql".equals(prodValues.get("quarkus.datasource.db-kind"))
                && !"false".equals(prodValues.get("quarkus.datasource.active"))) {
            for (String p : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password")) {
                if (!prodValues.containsKey(p)) {
                    required.add(env(p));
                }
            }
        }
        return required;
    }

    /** The value of every property in prod, from the kit's defaults (if used) and the application's files. */
    static Map<String, String> prodValues(Path root, String app) {
        Path module = root.resolve(app);
        String pom = read(module.resolve("pom.xml"));
        List<Path> files = new ArrayList<>();
        if (pom.contains("<artifactId>service-kit</artifactId>")) {
            files.add(root.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        }
        files.add(module.resolve("src/main/resources/META-INF/microprofile-config.properties"));
        files.add(module.resolve("src/main/resources/application.properties"));

        Map<String, String> prodValues = new LinkedHashMap<>();
        for (Path f : files) {
            Properties p = Repo.properties(f);
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    prodValues.putIfAbsent(key, p.getProperty(key));
                    if (!p.containsKey("%prod." + key)) {
                        prodValues.put(key, p.getProperty(key));
                    }
                }
            }
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    int dot = key.indexOf('.');
                    Set<String> profiles = Set.of(key.substring(1, dot).split(","));
                    if (profiles.contains("prod")) {
                        prodValues.put(key.substring(dot + 1), p.getProperty(key));
                    }
                }
            }
        }
        return prodValues;
    }

    static Set<String> mappingEnv(Path root, String app) {
        Map<String, String> prodValues = prodValues(root, app);
        Set<String> required = new TreeSet<>();
        if (read(root.resolve(app).resolve("pom.xml")).contains("<artifactId>service-kit</artifactId>")) {
            required.addAll(mappingEnv(root.resolve("service-kit/src/main/java"), prodValues));
        }
        required.addAll(mappingEnv(root.resolve(app).resolve("src/main/java"), prodValues));
        return required;
    }

    /** Required members of {@code @ConfigMapping} interfaces with plain values, as environment variable names. */
    static Set<String> mappingEnv(Path javaRoot, Map<String, String> prodValues) {
        Set<String> required = new LinkedHashSet<>();
        if (!Files.isDirectory(javaRoot)) {
            return required;
        }
        try (Stream<Path> files = Files.walk(javaRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher mapping = MAPPING.matcher(src);
                if (!mapping.find() || !src.contains("interface")) {
                    continue;
                }
                String prefix = mapping.group(1);
                String body = src.substring(src.indexOf('{', mapping.end()) + 1);
                if (body.contains("interface ")) {
                    body = body.substring(0, body.indexOf("interface ")); // nested groups: not followed
                }
                body = body.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = METHOD.matcher(body);
                while (m.find()) {
                    String annotations = m.group(1);
                    String type = m.group(2).trim();
                    if (annotations.contains("@WithDefault") || annotations.contains("@WithParentName") || type.startsWith("Optional")
                            || type.startsWith("java.util.Optional") || type.startsWith("default")) {
                        continue;
                    }
                    String name = annotations.contains("@WithName")
                            ? annotations.replaceAll("(?s).*@WithName\\(\\s*\"([^\"]+)\"\\s*\\).*", "$1")
                            : kebab(m.group(3));
                    String property = prefix + "." + name;
                    boolean map = type.startsWith("Map<") || type.startsWith("java.util.Map<");
                    if (map && type.matches("(java\\.util\\.)?Map<String,\\s*String>")) {
                        if (prodValues.keySet().stream().noneMatch(k -> k.startsWith(property + "."))) {
                            required.add(env(property) + "_*");
                        }
                    } else if (!map && isPlain(type) && !prodValues.containsKey(property)) {
                        required.add(env(property));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return required;
    }

    private static boolean isPlain(String type) {
        return Set.of("String", "int", "long", "boolean", "double", "Integer", "Long", "Boolean", "Duration", "java.time.Duration",
                "URI", "java.net.URI", "BigDecimal", "java.math.BigDecimal", "ZoneId").contains(type);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- what the prod overlay supplies

    record Sources(Map<String, Set<String>> configMaps, Map<String, Set<String>> secrets) {

        static Sources of(List<JsonNode> objects) {
            Map<String, Set<String>> configMaps = new HashMap<>();
            Map<String, Set<String>> secrets = new HashMap<>();
            Repo.ofKind(objects, "ConfigMap").forEach(c -> configMaps.put(c.path("metadata").path("name").asText(), keys(c)));
            Repo.ofKind(objects, "Secret").forEach(s -> secrets.put(s.path("metadata").path("name").asText(), keys(s)));
            for (String line : read(Repo.root().resolve("k8s/overlays/prod/external-secrets.txt")).split("\n")) {
                String l = line.replaceAll("#.*", "").trim();
                if (!l.isEmpty()) {
                    String[] parts = l.split(":", 2);
                    Set<String> keys = new LinkedHashSet<>();
                    for (String k : parts[1].split(",")) {
                        keys.add(k.trim());
                    }
                    assertThat(secrets.put(parts[0].trim(), keys)).as("declared twice or also rendered: " + parts[0]).isNull();
                }
            }
            return new Sources(configMaps, secrets);
        }

        private static Set<String> keys(JsonNode object) {
            Set<String> keys = new LinkedHashSet<>();
            for (String field : List.of("data", "stringData", "binaryData")) {
                object.path(field).fieldNames().forEachRemaining(keys::add);
            }
            return keys;
        }

        /** Environment variable name to where it comes from, for the first container of a Deployment. */
        Map<String, String> envOf(JsonNode deployment) {
            Map<String, String> env = new LinkedHashMap<>();
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            for (JsonNode from : container.path("envFrom")) {
                String prefix = from.path("prefix").asText("");
                if (from.has("configMapRef")) {
                    configMaps.getOrDefault(from.path("configMapRef").path("name").asText(), Set.of())
                            .forEach(k -> env.put(prefix + k, "configmap"));
                }
                if (from.has("secretRef")) {
                    secrets.getOrDefault(from.path("secretRef").path("name").asText(), Set.of())
                            .forEach(k -> env.put(prefix + k, "secret"));
                }
            }
            for (JsonNode e : container.path("env")) {
                JsonNode ref = e.path("valueFrom");
                if (e.has("value")) {
                    env.put(e.path("name").asText(), "literal");
                } else if (ref.has("secretKeyRef") && has(secrets, ref.path("secretKeyRef"))) {
                    env.put(e.path("name").asText(), "secret");
                } else if (ref.has("configMapKeyRef") && has(configMaps, ref.path("configMapKeyRef"))) {
                    env.put(e.path("name").asText(), "configmap");
                } else if (ref.has("fieldRef") || ref.has("resourceFieldRef")) {
                    env.put(e.path("name").asText(), "field");
                }
            }
            return env;
        }

        private static boolean has(Map<String, Set<String>> sources, JsonNode ref) {
            return sources.getOrDefault(ref.path("name").asText(), Set.of()).contains(ref.path("key").asText());
        }
    }

    private static void check(List<String> dangling, String id, Map<String, Set<String>> sources, JsonNode ref) {
        String name = ref.path("name").asText();
        String key = ref.path("key").asText();
        if (!sources.containsKey(name) || !sources.get(name).contains(key)) {
            dangling.add(id + " -> " + name + "/" + key);
        }
    }

    private static void checkName(List<String> dangling, String id, Map<String, Set<String>> sources, String name) {
        if (!name.isEmpty() && !sources.containsKey(name)) {
            dangling.add(id + " -> " + name);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
