package cn.hkmo.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The suite's infrastructure on this machine: PostgreSQL 17, a Kafka broker (KRaft) and Keycloak with the
 * {@code hkmo} realm; optionally the suite's applications as child processes.
 *
 * <p>Used by the tests ({@code cn.hkmo.platform.test.PlatformTestResource}), by the bench and by the local run
 * ({@link LocalPlatformLauncher}). Everything it starts stops on {@link #close()}, on normal JVM exit, on Ctrl-C
 * (shutdown hook) and after a {@code kill -9} of this JVM (see {@link SupervisedProcess}; Kafka lives inside
 * this JVM).
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String STATE_FILE = "platform.properties";
    static final String MANAGEMENT_PORT = "quarkus.management.port";

    private final PlatformConfig config;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final boolean owner;
    private final List<AppProcess> apps = new CopyOnWriteArrayList<>();
    private final Map<String, Long> startupMillis = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private FileChannel lockChannel;
    private FileLock lock;
    private Thread shutdownHook;
    private volatile boolean stopped;

    private LocalPlatform(PlatformConfig config, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak,
            boolean owner) {
        this.config = config;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.owner = owner;
    }

    // ------------------------------------------------------------------ start / connect

    /**
     * Starts the platform described by {@code config}. With {@code config.reuse()}, a platform already running
     * on this data folder (its state file) or on the configured ports is used instead.
     */
    public static LocalPlatform start(PlatformConfig config) {
        try {
            Path data = config.dataDir();
            Files.createDirectories(data);
            FileChannel channel = FileChannel.open(data.resolve("platform.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                Properties state = readState(data);
                if (config.reuse() && state != null) {
                    Logs.info("reusing the platform running from " + data + " (pid " + state.getProperty("pid") + ")");
                    return connect(state);
                }
                throw new IllegalStateException("a platform is already running with data folder " + data
                        + (state != null ? " (pid " + state.getProperty("pid") + ")" : "")
                        + ": stop it, use another folder, or reuse it (-Dhkmo.platform.reuse=true / --reuse)");
            }
            if (config.reuse() && Ports.listening(config.postgresPort()) && Ports.listening(config.kafkaPort())
                    && Ports.listening(config.keycloakPort())) {
                lock.release();
                channel.close();
                Logs.info("reusing the platform listening on ports " + config.postgresPort() + ", "
                        + config.kafkaPort() + ", " + config.keycloakPort());
                return connect(config.postgresPort(), config.kafkaPort(), config.keycloakPort());
            }
            Path logs = data.resolve("logs");
            LocalPlatform platform = new LocalPlatform(config,
                    new PostgresServer(config.postgresPort(), data.resolve("postgres"), logs.resolve("postgres.log")),
                    new KafkaBroker(config.kafkaPort(), config.kafkaControllerPort(), data.resolve("kafka")),
                    new KeycloakServer(config.keycloakPort(), data.resolve("keycloak"), logs.resolve("keycloak.log")),
                    true);
            platform.lockChannel = channel;
            platform.lock = lock;
            platform.shutdownHook = new Thread(platform::stopQuietly, "hkmo-platform-shutdown");
            Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
            try {
                platform.startServers();
            } catch (RuntimeException e) {
                platform.close();
                throw e;
            }
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects to a platform that another process runs, from its state file ({@code <dataDir>/platform.properties}). */
    public static LocalPlatform connect(Path dataDir) {
        Properties state = readState(dataDir);
        if (state == null) {
            throw new IllegalStateException("no running platform in " + dataDir);
        }
        return connect(state);
    }

    /** Connects to a platform that another process runs at these ports. */
    public static LocalPlatform connect(int postgresPort, int kafkaPort, int keycloakPort) {
        PlatformConfig config = new PlatformConfig(null, postgresPort, kafkaPort, -1, keycloakPort, true, false);
        return new LocalPlatform(config, PostgresServer.remote(postgresPort), KafkaBroker.remote(kafkaPort),
                KeycloakServer.remote(keycloakPort), false);
    }

    private static LocalPlatform connect(Properties state) {
        return connect(Integer.parseInt(state.getProperty("postgres.port")),
                Integer.parseInt(state.getProperty("kafka.port")), Integer.parseInt(state.getProperty("keycloak.port")));
    }

    private void startServers() {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "hkmo-platform-start");
            t.setDaemon(true);
            return t;
        });
        try {
            boolean fresh = !Files.exists(postgres.dataDir().resolve("PG_VERSION"));
            boolean seeded = fresh && seed();
            CompletableFuture<Void> pg = timed("postgres", pool, postgres::start);
            CompletableFuture<Void> kcHome = timed("keycloak-prepare", pool, keycloak::prepare);
            CompletableFuture<Void> kf = timed("kafka", pool, () -> {
                kafka.start();
                kafka.createTopics();
            });
            CompletableFuture<Void> kc = CompletableFuture.allOf(pg, kcHome).thenRunAsync(() -> {
                try {
                    long k0 = System.nanoTime();
                    refreshKeycloakDatabaseIfRealmChanged();
                    keycloak.start(postgres);
                    if (fresh && !seeded) {
                        SeedDatabase.create(postgres, keycloak);
                    }
                    Files.writeString(config.dataDir().resolve("keycloak-realm.sha256"), KeycloakServer.realmHash());
                    startupMillis.put("keycloak", (System.nanoTime() - k0) / 1_000_000);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, pool);
            CompletableFuture.allOf(kf, kc).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdown();
        }
        startupMillis.put("total", (System.nanoTime() - t0) / 1_000_000);
        writeState();
        Logs.info("started in " + startupMillis + " ms; data in " + config.dataDir());
    }

    private boolean seed() {
        try {
            return SeedDatabase.copyInto(postgres.dataDir());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private CompletableFuture<Void> timed(String name, ExecutorService pool, Step step) {
        return CompletableFuture.runAsync(() -> {
            long t = System.nanoTime();
            try {
                step.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
            startupMillis.put(name, (System.nanoTime() - t) / 1_000_000);
        }, pool);
    }

    private void refreshKeycloakDatabaseIfRealmChanged() throws Exception {
        Path hashFile = config.dataDir().resolve("keycloak-realm.sha256");
        if (Files.exists(hashFile) && !Files.readString(hashFile).trim().equals(KeycloakServer.realmHash())) {
            Logs.info("hkmo-realm.json changed: recreating Keycloak's database to import it again");
            postgres.recreateDatabase("keycloak");
        }
    }

    // ------------------------------------------------------------------ accessors

    public PostgresServer postgres() {
        return postgres;
    }

    /** The broker; {@code kafka().stop()} / {@code kafka().start()} restart it on the same port with the same data. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** JDBC URL of database {@code database} (user and password = the database name). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** {@code http://localhost:<port>} */
    public String keycloakUrl() {
        return keycloak.url();
    }

    /** {@code http://localhost:<port>/realms/hkmo} */
    public String realmUrl() {
        return keycloak.realmUrl();
    }

    public PlatformConfig config() {
        return config;
    }

    /** False when this object only connects to a platform run by another process. */
    public boolean isOwner() {
        return owner;
    }

    /** Start-up durations in milliseconds (postgres, kafka, keycloak-prepare, keycloak, total). */
    public Map<String, Long> startupMillis() {
        synchronized (startupMillis) {
            return new LinkedHashMap<>(startupMillis);
        }
    }

    /**
     * The configuration a Quarkus service needs to use this platform with database {@code database} (may be
     * null for an application without a database).
     */
    public Map<String, String> quarkusConfig(String database) {
        Map<String, String> c = new LinkedHashMap<>();
        if (database != null) {
            c.put("quarkus.datasource.jdbc.url", jdbcUrl(database));
            c.put("quarkus.datasource.username", database);
            c.put("quarkus.datasource.password", database);
        }
        c.put("kafka.bootstrap.servers", bootstrapServers());
        c.put("quarkus.oidc.auth-server-url", realmUrl());
        c.put("hkmo.platform.keycloak-url", keycloakUrl());
        return c;
    }

    // ------------------------------------------------------------------ applications

    /** Starts a packaged Quarkus application ({@code quarkus-run.jar}) under the watchdog and waits until it is ready. */
    public AppProcess startApp(String name, Path quarkusRunJar, int port) throws IOException {
        return startApp(name, quarkusRunJar, port, Map.of());
    }

    /**
     * Like {@link #startApp(String, Path, int)}, with settings for this application only, passed as
     * {@code -Dkey=value} after the platform's configuration and the launcher's {@code -Dapp.*} properties (so they
     * win over both). Several applications may be started in parallel from different threads. The management
     * interface (health, metrics) listens on {@code quarkus.management.port} when the settings give one, else on a
     * free port.
     */
    public AppProcess startApp(String name, Path quarkusRunJar, int port, Map<String, String> extraConfig)
            throws IOException {
        return startApp(name, quarkusRunJar, port, extraConfig, List.of());
    }

    /**
     * Like {@link #startApp(String, Path, int, Map)}, with JVM options for this application only (heap, GC: what its
     * Deployment sets in {@code JDK_JAVA_OPTIONS}), given to {@code java} before {@code -jar}.
     */
    public AppProcess startApp(String name, Path quarkusRunJar, int port, Map<String, String> extraConfig,
                               List<String> jvmOptions) throws IOException {
        String database = databaseOf(name);
        int managementPort = extraConfig.containsKey(MANAGEMENT_PORT)
                ? Integer.parseInt(extraConfig.get(MANAGEMENT_PORT)) : Ports.free();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-D" + MANAGEMENT_PORT + "=" + managementPort);
        quarkusConfig(database).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("app."))
                .sorted().forEach(k -> cmd.add("-D" + k.substring(4) + "=" + System.getProperty(k)));
        extraConfig.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(quarkusRunJar.toAbsolutePath().toString());
        Path logs = (config.dataDir() != null ? config.dataDir() : Path.of(".")).resolve("logs");
        SupervisedProcess p = SupervisedProcess.start(name, cmd, quarkusRunJar.toAbsolutePath().getParent(),
                logs.resolve(name + ".log"), Map.of(), "TERM");
        AppProcess app = new AppProcess(name, port, managementPort, database, p);
        apps.add(app);
        Wait.until(name + " ready at " + app.healthUrl(),
                Duration.ofSeconds(Long.getLong("hkmo.platform.app-ready-timeout-seconds", 120)), Duration.ofMillis(250),
                app::ready, p::isAlive, () -> p.logTail(40));
        return app;
    }

    public List<AppProcess> apps() {
        return List.copyOf(apps);
    }

    /** {@code appointment-service} and {@code appointment} use database {@code appointment}; the gateway none. */
    static String databaseOf(String appName) {
        String n = appName.toLowerCase(Locale.ROOT).replace("-service", "");
        return PostgresServer.DATABASES.contains(n) && !n.equals("keycloak") ? n : null;
    }

    /** An application started by the launcher. */
    public record AppProcess(String name, int port, int managementPort, String database, SupervisedProcess process) {

        public String url() {
            return "http://localhost:" + port;
        }

        /** Health and metrics: the management interface, off the API port. */
        public String managementUrl() {
            return "http://localhost:" + managementPort;
        }

        public String healthUrl() {
            return managementUrl() + "/q/health/ready";
        }

        boolean ready() {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(healthUrl()))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("UP");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    // ------------------------------------------------------------------ stop

    /** Stops what this object started (applications, Keycloak, Kafka, PostgreSQL); a reused platform is left alone. */
    @Override
    public void close() {
        stopQuietly();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private synchronized void stopQuietly() {
        if (stopped || !owner) {
            return;
        }
        stopped = true;
        for (AppProcess app : apps) {
            quietly(() -> app.process().stop(Duration.ofSeconds(30)));
        }
        quietly(keycloak::stop);
        quietly(kafka::stop);
        quietly(postgres::stop);
        quietly(() -> Files.deleteIfExists(config.dataDir().resolve(STATE_FILE)));
        quietly(() -> {
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        });
        if (config.deleteDataOnStop()) {
            quietly(() -> PlatformFiles.deleteRecursively(config.dataDir()));
        }
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | Error e) {
            System.err.println("[platform] while stopping: " + e);
        }
    }

    // ------------------------------------------------------------------ state file

    private void writeState() {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("postgres.port", Integer.toString(postgres.port()));
        p.setProperty("kafka.port", Integer.toString(kafka.port()));
        p.setProperty("kafka.controller.port", Integer.toString(kafka.controllerPort()));
        p.setProperty("keycloak.port", Integer.toString(keycloak.port()));
        p.setProperty("kafka.bootstrap.servers", bootstrapServers());
        p.setProperty("keycloak.url", keycloakUrl());
        p.setProperty("oidc.auth-server-url", realmUrl());
        for (String db : PostgresServer.DATABASES) {
            p.setProperty("jdbc.url." + db, jdbcUrl(db));
        }
        try (OutputStream out = Files.newOutputStream(config.dataDir().resolve(STATE_FILE))) {
            p.store(out, "running HK-Macao platform (deleted when it stops)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties readState(Path dataDir) {
        Path f = dataDir.resolve(STATE_FILE);
        if (!Files.exists(f)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM
        }
    }
}
