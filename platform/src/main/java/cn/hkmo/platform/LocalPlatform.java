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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The suite's infrastructure on this machine: PostgreSQL 17, a Kafka broker (KRaft) and Keycloak with the
 * {@code hkmo} realm; optionally the suite's applications as child processes.
 *
 * <p>Used by the tests ({@code cn.hkmo.platform.test.PlatformTestResource}) and by the local run
 * ({@link #main(String[])}). Everything it starts stops on {@link #close()}, on normal JVM exit, on Ctrl-C
 * (shutdown hook) and after a {@code kill -9} of this JVM (see {@link SupervisedProcess}; Kafka lives inside
 * this JVM).
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String STATE_FILE = "platform.properties";
    public static final String READY_LINE = "HKMO PLATFORM READY";
    private static final String MANAGEMENT_PORT = "quarkus.management.port";
    private static final String APP_USAGE = "--app name=path/to/quarkus-run.jar:port[:managementPort]";
    private static final String JVM_USAGE = "--jvm-options name='-Xmx160m -XX:+UseSerialGC ...'";

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

    // ------------------------------------------------------------------ launcher

    /**
     * {@code java -cp 'platform/target/platform-1.0.0-SNAPSHOT.jar:platform/target/lib/*' cn.hkmo.platform.LocalPlatform
     * [--data-dir D] [--postgres-port N] [--kafka-port N] [--kafka-controller-port N] [--keycloak-port N] [--reuse]
     * [--app name=path/to/quarkus-run.jar:port[:managementPort]]... [--jvm-options name=OPTIONS]...}
     */
    public static void main(String[] args) throws Exception {
        List<String[]> appArgs = new ArrayList<>();
        Map<String, List<String>> jvmOptions = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--reuse" -> System.setProperty("hkmo.platform.reuse", "true");
                case "--app" -> appArgs.add(parseApp(args[++i]));
                case "--jvm-options" -> {
                    Map.Entry<String, List<String>> options = parseJvmOptions(args[++i]);
                    jvmOptions.put(options.getKey(), options.getValue());
                }
                case "--data-dir", "--postgres-port", "--kafka-port", "--kafka-controller-port", "--keycloak-port" ->
                        System.setProperty("hkmo.platform." + a.substring(2), args[++i]);
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + a + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        LocalPlatform platform = start(PlatformConfig.localRun());
        if (!platform.isOwner()) {
            // reused: the applications are still ours; keep this JVM alive for them
            Runtime.getRuntime().addShutdownHook(new Thread(() -> platform.apps().forEach(
                    app -> app.process().stop(Duration.ofSeconds(30)))));
        }
        for (String[] app : appArgs) {
            Logs.info("starting " + app[0] + " on port " + app[2]);
            platform.startApp(app[0], Path.of(app[1]), Integer.parseInt(app[2]),
                    app[3] == null ? Map.of() : Map.of(MANAGEMENT_PORT, app[3]), jvmOptions.getOrDefault(app[0], List.of()));
        }
        System.out.println(platform.summary());
        System.out.println(READY_LINE);
        System.out.flush();
        new CountDownLatch(1).await(); // until Ctrl-C / SIGTERM: the shutdown hook stops everything
    }

    /** {@code name=path:port[:managementPort]} as {name, path, port, managementPort or null}. */
    static String[] parseApp(String spec) {
        int eq = spec.indexOf('=');
        String[] parts = eq <= 0 ? new String[0] : spec.substring(eq + 1).split(":");
        if (parts.length < 2 || parts.length > 3 || !parts[1].matches("\\d+")
                || parts.length == 3 && !parts[2].matches("\\d+")) {
            throw new IllegalArgumentException(APP_USAGE + ", not " + spec);
        }
        return new String[] {spec.substring(0, eq), parts[0], parts[1], parts.length == 3 ? parts[2] : null};
    }

    /** {@code name=-Xmx160m -XX:+UseSerialGC}: the application's name and its JVM options, split on blanks. */
    static Map.Entry<String, List<String>> parseJvmOptions(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(JVM_USAGE + ", not " + spec);
        }
        String options = spec.substring(eq + 1).trim();
        return Map.entry(spec.substring(0, eq), options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
    }

    private static String usage() {
        return "usage: LocalPlatform [--data-dir D] [--postgres-port N] [--kafka-port N] [--kafka-controller-port N]"
                + " [--keycloak-port N] [--reuse] [" + APP_USAGE + "]... [" + JVM_USAGE + "]...";
    }

    /** Human-readable summary: URLs, credentials, demo users. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("\n================ HK-Macao permit suite: local platform ================\n");
        s.append(owner ? "started by this process" : "reused (run by another process)")
                .append(config.dataDir() != null ? ", data in " + config.dataDir() : "").append('\n');
        s.append(String.format("PostgreSQL 17   jdbc:postgresql://127.0.0.1:%d/<db>   dbs %s (user = password = db name; superuser postgres/postgres)%n",
                postgres.port(), PostgresServer.DATABASES));
        s.append(String.format("Kafka (KRaft)   %s   topics appointments, applications, payments, issuance (+ .dlq)%n",
                bootstrapServers()));
        s.append(String.format("Keycloak        %s   realm %s%n", keycloakUrl(), realmUrl()));
        s.append(String.format("  admin console %s   (%s / %s)%n", keycloak.adminConsoleUrl(), KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD));
        s.append(String.format("  token         curl -s -d grant_type=password -d client_id=hkmo-dev-cli -d username=zhangwei -d password=demo123 %s%n",
                keycloak.tokenEndpoint()));
        for (AppProcess app : apps) {
            s.append(String.format("%-15s %s   Swagger UI %s/q/swagger-ui   health %s   metrics %s/q/metrics%n",
                    app.name(), app.url(), app.url(), app.healthUrl(), app.managementUrl()));
            if (app.name().equals("gateway")) {
                // the web front-ends the gateway serves (web module)
                s.append(String.format("  citizen H5    %s/h5/      officer console %s/console/%n", app.url(), app.url()));
            }
        }
        s.append("Demo users (password demo123): citizens zhangwei, lina, wangxiaoming, chenjing (basic), liuyang;\n"
                + "  officers officer.bj/.sh/.gz/.sz/.cd; reviewers reviewer.bj, reviewer.gd; supervisor; admin\n");
        s.append("Ctrl-C stops everything.\n");
        s.append("=======================================================================\n");
        return s.toString();
    }
}
