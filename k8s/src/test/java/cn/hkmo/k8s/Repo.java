package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The repository, its overlays rendered by Kustomize (once per JVM), and small helpers for the tests. */
final class Repo {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> APPS = List.of("appointment-service", "eligibility-service", "fee-service", "issuance-service", "notification-service",
            "gateway");
    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("hkmo.repo.root");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("k8s/overlays"))) {
            root = Path.of("").toAbsolutePath().getParent();
        }
        return root.toAbsolutePath().normalize();
    }

    static Path target() {
        return root().resolve("k8s/target");
    }

    /** {@code kubectl kustomize k8s/overlays/<overlay>} (or {@code kustomize build}), cached per JVM. */
    static String render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            Path dir = root().resolve("k8s/overlays").resolve(o);
            List<String> command = onPath("kubectl") ? List.of("kubectl", "kustomize", dir.toString())
                    : onPath("kustomize") ? List.of("kustomize", "build", dir.toString())
                    : null;
            if (command == null) {
                throw new IllegalStateException("Neither kubectl (1.27+, with kustomize 5) nor kustomize is on the PATH. "
                        + "Install kubectl (Debian package kubectl from the Kubernetes apt repository) - see k8s/README.md.");
            }
            String yaml = run(command, dir, 120);
            try {
                Path out = target().resolve("rendered").resolve(o + ".yaml");
                Files.createDirectories(out.getParent());
                Files.writeString(out, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return yaml;
        });
    }

    static List<JsonNode> objects(String overlay) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(render(overlay))) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                        docs.add(doc);
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A properties file as Quarkus reads it (UTF-8); empty if there is none. */
    static Properties properties(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    static Stream<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst().orElse(null);
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static String run(List<String> command, Path workDir, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("k8s-tool", ".log");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(log.toFile()).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String err = Files.readString(log);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + err + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
