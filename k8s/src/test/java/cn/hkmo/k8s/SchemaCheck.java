package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code k8s/schema/validate.mjs} (Node.js) on a rendered overlay, with the validators pinned in
 * {@code k8s/schema/package-lock.json} (installed with {@code npm ci} into {@code k8s/target/schema-node}),
 * Strimzi's CRDs from {@code io.strimzi:api:tests} on the test classpath, and the Keycloak kinds' schema.
 */
final class SchemaCheck {

    static final List<String> STRIMZI_CRDS = List.of("040-Crd-kafka.yaml", "041-Crd-kafkaconnect.yaml", "042-Crd-strimzipodset.yaml",
            "043-Crd-kafkatopic.yaml", "044-Crd-kafkauser.yaml", "045-Crd-kafkanodepool.yaml", "046-Crd-kafkabridge.yaml",
            "047-Crd-kafkaconnector.yaml", "048-Crd-kafkamirrormaker2.yaml", "049-Crd-kafkarebalance.yaml");

    private static Path prepared;

    private SchemaCheck() {
    }

    /** Per file, one entry per object: apiVersion, kind, name, schema (which schema checked it), errors. */
    static JsonNode validate(List<Path> renderedYamls) {
        Path dir = prepare();
        List<String> command = new ArrayList<>(List.of("node", dir.resolve("validate.mjs").toString()));
        try (var files = Files.list(dir.resolve("crds"))) {
            files.sorted().forEach(f -> {
                command.add("--crd");
                command.add(f.toString());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        renderedYamls.forEach(p -> command.add(p.toString()));
        try {
            return Repo.JSON.readTree(Repo.run(command, dir, 180));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path prepare() {
        if (prepared != null) {
            return prepared;
        }
        if (!Repo.onPath("node") || !Repo.onPath("npm")) {
            throw new IllegalStateException("Node.js and npm are needed for the schema check (Debian: apt-get install nodejs npm)");
        }
        Path source = Repo.root().resolve("k8s/schema");
        Path dir = Repo.target().resolve("schema-node");
        try {
            Files.createDirectories(dir.resolve("crds"));
            String lock = Files.readString(source.resolve("package-lock.json"));
            Path installedLock = dir.resolve("node_modules/.package-lock.json.installed");
            boolean fresh = Files.exists(installedLock) && Files.readString(installedLock).equals(lock);
            for (String f : List.of("package.json", "package-lock.json", "validate.mjs")) {
                Files.copy(source.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!fresh) {
                Repo.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"), dir, 600);
                Files.writeString(installedLock, lock);
            }
            try (var files = Files.list(source.resolve("crds"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve("crds").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String name : STRIMZI_CRDS) {
                try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream("crds/v1beta2/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("Strimzi CRD crds/v1beta2/" + name + " not on the test classpath (io.strimzi:api:tests)");
                    }
                    Files.writeString(dir.resolve("crds").resolve("strimzi-" + name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prepared = dir;
        return dir;
    }
}
