package cn.hkmo.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keycloak 26 from the {@code keycloak-quarkus-dist} tar.gz in the local Maven repository, realm {@code hkmo}
 * imported from {@code keycloak/hkmo-realm.json} (on the class path), data in the PostgreSQL database
 * {@code keycloak}.
 *
 * <p>Fast start: the distribution is unpacked and <em>built</em> ({@code kc.sh build --db=postgres
 * --cache=local}) once per machine into a cache folder; each platform data folder then gets its own
 * Keycloak home as a hard-link copy of it ({@code cp -al}, a fraction of a second) and runs
 * {@code kc.sh start --optimized}, which skips the ~20 s re-augmentation that {@code start-dev} performs on a
 * fresh distribution. {@code cache=local} keeps parallel instances from clustering with each other.
 */
public final class KeycloakServer {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "hkmo";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    static final String REALM_RESOURCE = "keycloak/hkmo-realm.json";
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=local");

    private final int port;
    private final Path home;
    private final Path logFile;
    private final boolean local;
    private volatile SupervisedProcess process;

    KeycloakServer(int port, Path home, Path logFile) {
        this.port = port;
        this.home = home;
        this.logFile = logFile;
        this.local = true;
    }

    private KeycloakServer(int port) {
        this.port = port;
        this.home = null;
        this.logFile = null;
        this.local = false;
    }

    static KeycloakServer remote(int port) {
        return new KeycloakServer(port);
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>} */
    public String url() {
        return "http://localhost:" + port;
    }

    /** {@code http://localhost:<port>/realms/hkmo}: the issuer, and {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public String adminConsoleUrl() {
        return url() + "/admin/master/console/";
    }

    public boolean isRunning() {
        return local ? process != null && process.isAlive() && ready() : ready();
    }

    /** Unpacks/builds the cached distribution and lays out this instance's home (no server started yet). */
    void prepare() throws IOException, InterruptedException {
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return;
        }
        Path dist = builtDistribution();
        Files.createDirectories(home.getParent());
        Path tmp = home.resolveSibling(home.getFileName() + ".tmp");
        PlatformFiles.deleteRecursively(tmp);
        int rc = run(List.of("cp", "-al", dist.toString(), tmp.toString()), null);
        if (rc != 0) { // other file system: a plain copy
            PlatformFiles.deleteRecursively(tmp);
            rc = run(List.of("cp", "-a", dist.toString(), tmp.toString()), null);
            if (rc != 0) {
                throw new IOException("cannot copy " + dist + " to " + tmp);
            }
        }
        Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
    }

    /** SHA-256 of the realm JSON: when it changes, the platform recreates Keycloak's database to re-import it. */
    static String realmHash() {
        try (InputStream in = realmJson()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void start(PostgresServer postgres) throws IOException {
        if (!local) {
            throw new UnsupportedOperationException("Keycloak at port " + port + " belongs to another process");
        }
        if (process != null && process.isAlive()) {
            return;
        }
        if (Ports.listening(port)) {
            throw new IllegalStateException("port " + port + " is taken: cannot start Keycloak there");
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Path realmFile = importDir.resolve("hkmo-realm.json");
        Files.deleteIfExists(realmFile); // never write through a hard link into the shared cache
        try (InputStream in = realmJson()) {
            Files.copy(in, realmFile);
        }
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--cache=local",
                "--hostname=" + url(), "--import-realm",
                "--db-url=" + postgres.jdbcUrl("keycloak"), "--db-username=keycloak", "--db-password=keycloak",
                "--db-pool-min-size=1", "--log-console-output=default");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // C1 only: noticeably faster start on 2 cores, plenty for dev and tests
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                "JAVA", javaExecutable());
        process = SupervisedProcess.start("keycloak", cmd, home, logFile, env, "TERM");
        SupervisedProcess p = process;
        Wait.until("Keycloak on port " + port, Duration.ofSeconds(240), Duration.ofMillis(250),
                this::ready, p::isAlive, () -> p.logTail(40));
    }

    synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    SupervisedProcess process() {
        return process;
    }

    private boolean ready() {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build().send(
                    HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static InputStream realmJson() {
        InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(REALM_RESOURCE + " not on the class path");
        }
        return in;
    }

    // ---- the built distribution, shared by every instance on this machine ----

    private static Path builtDistribution() throws IOException, InterruptedException {
        String key = VERSION + "-" + HexFormat.of().formatHex(sha256(String.join(" ", BUILD_OPTIONS))).substring(0, 8);
        Path cache = PlatformConfig.cacheDir();
        Path dist = cache.resolve("keycloak-" + key);
        Path ready = dist.resolve(".built");
        if (Files.exists(ready)) {
            return dist;
        }
        Files.createDirectories(cache);
        try (RandomAccessFile lockFile = new RandomAccessFile(cache.resolve("keycloak-" + key + ".lock").toFile(), "rw");
                FileLock ignored = lockFile.getChannel().lock()) {
            if (Files.exists(ready)) {
                return dist;
            }
            Path tarGz = distributionArchive();
            Logs.info("unpacking and building Keycloak " + VERSION + " once into " + dist + " (about 30 s)");
            PlatformFiles.deleteRecursively(dist);
            Path tmp = Files.createTempDirectory(cache, "keycloak-unpack");
            if (run(List.of("tar", "-xzf", tarGz.toString(), "-C", tmp.toString()), null) != 0) {
                throw new IOException("cannot unpack " + tarGz);
            }
            Path unpacked = tmp.resolve("keycloak-" + VERSION);
            Path buildLog = cache.resolve("keycloak-" + key + "-build.log");
            List<String> build = new java.util.ArrayList<>(List.of(unpacked.resolve("bin/kc.sh").toString(), "build"));
            build.addAll(BUILD_OPTIONS);
            if (run(build, buildLog) != 0) {
                throw new IOException("kc.sh build failed:\n" + Logs.tail(buildLog, 30));
            }
            PlatformFiles.deleteRecursively(unpacked.resolve("data"));
            Files.move(unpacked, dist, StandardCopyOption.ATOMIC_MOVE);
            PlatformFiles.deleteRecursively(tmp);
            Files.createFile(ready);
            return dist;
        }
    }

    /**
     * The distribution archive: system property {@code hkmo.platform.keycloak-dist}, else the local Maven
     * repository ({@code maven.repo.local} or {@code ~/.m2/repository}).
     */
    static Path distributionArchive() {
        String explicit = System.getProperty("hkmo.platform.keycloak-dist");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String repo = System.getProperty("maven.repo.local");
        if (repo == null || repo.isBlank()) {
            repo = Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
        }
        Path p = Path.of(repo, "org", "keycloak", "keycloak-quarkus-dist", VERSION,
                "keycloak-quarkus-dist-" + VERSION + ".tar.gz");
        if (!Files.exists(p)) {
            throw new IllegalStateException("Keycloak distribution not found at " + p + ": build the platform module "
                    + "once (./mvnw -pl platform -am install -DskipTests) or set -Dhkmo.platform.keycloak-dist=<tar.gz>");
        }
        return p;
    }

    private static int run(List<String> cmd, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA", javaExecutable());
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        p.getOutputStream().close();
        return p.waitFor();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
