package cn.hkmo.systemtests.harness;

import cn.hkmo.platform.LocalPlatform;
import cn.hkmo.platform.Ports;
import cn.hkmo.platform.test.PlatformTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The system under test, once per JVM: the real platform (PostgreSQL, Kafka, Keycloak with realm {@code hkmo}, on
 * free ports, data under {@code target/}) and the five packaged applications ({@code <module>/target/quarkus-app/
 * quarkus-run.jar}) on free ports, started in parallel by the platform's launcher code. Everything stops at JVM exit
 * (the platform's shutdown hook and its watchdogs).
 *
 * <p>Each application gets the platform's configuration (database, Kafka, OIDC) from the launcher, plus
 * {@link #settings(String)}: the run profile, its log file under {@code target/system-tests/logs/}, and what a
 * test must not wait for or run into (limits, check-in window, upstream URLs).
 */
public final class Suite {

    public static final String APPOINTMENT = "appointment-service";
    public static final String ELIGIBILITY = "eligibility-service";
    public static final String FEE = "fee-service";
    public static final String ISSUANCE = "issuance-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String GATEWAY = "gateway";
    public static final List<String> APPS = List.of(APPOINTMENT, ELIGIBILITY, FEE, ISSUANCE, NOTIFICATION, GATEWAY);

    /** The profile the applications run in: like {@code ./run} (demo halls, dev keys, payment simulator). */
    public static final String PROFILE = System.getProperty("system-tests.profile", "dev");
    /** How often the time-driven jobs run here (reminders, no-shows, collection reminders), not minutes: tests wait less. */
    public static final Duration JOB_SWEEP = Duration.ofSeconds(2);

    /**
     * How far the applications' clocks are moved ({@code -Dsystem-tests.clock=2027-09-29T10:00:00+08:00}; none by
     * default): every application gets the same {@code hkmo.clock.offset}, computed once, so the suite runs as on that
     * day, for instance in a year without a holiday notice.
     */
    public static final Duration CLOCK_OFFSET = Optional.ofNullable(System.getProperty("system-tests.clock"))
            .filter(s -> !s.isBlank())
            .map(s -> Duration.between(Instant.now(), OffsetDateTime.parse(s).toInstant()))
            .orElse(Duration.ZERO);

    /** The business time the applications' clocks read now. */
    public static ZonedDateTime now() {
        return ZonedDateTime.now(Clock.offset(Clock.system(ZoneId.of("Asia/Shanghai")), CLOCK_OFFSET));
    }

    /** The business day the applications' clocks read now. */
    public static LocalDate today() {
        return now().toLocalDate();
    }

    private static volatile Suite instance;

    private final LocalPlatform platform;
    private final Path repoRoot;
    private final Path logs;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Long> startupMillis = new LinkedHashMap<>();
    private final Map<String, String> serviceOverrides = new ConcurrentHashMap<>();

    private Suite(LocalPlatform platform, Path repoRoot, Path logs) {
        this.platform = platform;
        this.repoRoot = repoRoot;
        this.logs = logs;
        for (String app : APPS) {
            ports.put(app, Ports.free());
            managementPorts.put(app, Ports.free());
        }
    }

    /** The running suite (started on first use; a failed start is not retried by later test classes). */
    public static Suite get() {
        Suite s = instance;
        if (s == null) {
            synchronized (Suite.class) {
                s = instance;
                if (s == null) {
                    s = start();
                    instance = s;
                }
            }
        }
        return s;
    }

    static boolean started() {
        return instance != null;
    }

    private static Suite start() {
        long t0 = System.nanoTime();
        Path root = locateRepoRoot();
        Path logs = Path.of("target", "system-tests", "logs").toAbsolutePath();
        try {
            Files.createDirectories(logs);
            for (String app : APPS) {
                Path jar = jar(root, app);
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing: package the applications first "
                            + "(./mvnw -B -pl system-tests -am verify builds them before these tests)");
                }
                Files.deleteIfExists(logs.resolve(app + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log("starting the platform (PostgreSQL, Kafka, Keycloak)");
        LocalPlatform platform = PlatformTestResource.platform();
        Suite suite = new Suite(platform, root, logs);
        suite.startupMillis.put("platform", (System.nanoTime() - t0) / 1_000_000);
        log("platform up in " + suite.startupMillis.get("platform") + " ms: Keycloak " + platform.keycloakUrl()
                + ", Kafka " + platform.bootstrapServers() + "; starting " + APPS + " on " + suite.ports);
        suite.startApps();
        suite.startupMillis.put("total", (System.nanoTime() - t0) / 1_000_000);
        log("suite ready in " + suite.startupMillis + " ms; gateway " + suite.gatewayUrl() + ", logs in " + logs);
        return suite;
    }

    private void startApps() {
        ExecutorService pool = Executors.newFixedThreadPool(APPS.size(), r -> {
            Thread t = new Thread(r, "system-tests-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (String app : APPS) {
                starts.add(CompletableFuture.runAsync(() -> {
                    long t = System.nanoTime();
                    try {
                        platform.startApp(app, jar(repoRoot, app), port(app), settings(app));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    synchronized (startupMillis) {
                        startupMillis.put(app, (System.nanoTime() - t) / 1_000_000);
                    }
                }, pool));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            System.out.println(logTails(60));
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdown();
        }
    }

    /** What each application runs with, on top of the platform's datasource, Kafka and OIDC settings. */
    Map<String, String> settings(String app) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("quarkus.profile", PROFILE);
        c.put("quarkus.management.port", Integer.toString(managementPorts.get(app)));
        c.put("quarkus.log.file.enabled", "true");
        c.put("quarkus.log.file.path", logs.resolve(app + ".log").toString());
        c.put("quarkus.log.file.rotation.max-file-size", "200M");
        // the outbox relay's sweep: events that missed the immediate send go out within a second
        c.put("hkmo.outbox.sweep-interval", "1s");
        // the services re-check a partner's grant as often as the gateway does here (2 s)
        c.put("hkmo.identity.delegation.recheck-after", "2s");
        if (!CLOCK_OFFSET.isZero()) {
            c.put("hkmo.clock.offset", CLOCK_OFFSET.toString());
        }
        if (!app.equals(GATEWAY)) {
            c.putAll(serviceOverrides);
        }
        switch (app) {
            case APPOINTMENT -> {
                // Real time, no pinned clock: a booking for the next open day must be checkable-in now.
                c.put("hkmo.appointment.check-in.early", "P10D");
                // Several scenarios per demo citizen in one run (the %test profile lifts these too).
                c.put("hkmo.appointment.limits.max-active-per-document", "100");
                c.put("hkmo.appointment.limits.max-bookings-per-period", "1000");
                // Reminders for every booking of the coming week, swept every 2 s: a test's booking is reminded at once.
                c.put("hkmo.appointment.reminder-lead", "P8D");
                c.put("hkmo.appointment-jobs.reminder-sweep", JOB_SWEEP.toSeconds() + "s");
                // A missed window (Db.moveBookingToYesterday) becomes a no-show within seconds.
                c.put("hkmo.appointment-jobs.no-show-sweep", JOB_SWEEP.toSeconds() + "s");
            }
            case FEE -> {
                // The SDK reaches the simulator inside fee-service; the simulator's notify enters through the
                // gateway, as the payment platform's would.
                c.put("hkmo.alipay.gateway-url", url(FEE) + "/simulator/alipay/gateway.do");
                c.put("hkmo.alipay.notify-url", gatewayUrl() + "/api/v1/fees/alipay/notify");
                c.put("hkmo.simulator.alipay.notify-retry-delays", "PT0.5S,PT1S,PT2S,PT4S");
                // The H5 is served by the gateway on its free port: the cashier may return there.
                c.put("hkmo.fee.cashier-return-origins", gatewayUrl());
            }
            case ISSUANCE -> {
                // A permit at the hall is reminded of its collection deadline 30 s after it is ready, swept every 2 s:
                // a test sees the reminder soon, and can collect another permit before its reminder is due.
                c.put("hkmo.issuance.collection.keep-for", "P7DT30S");
                c.put("hkmo.issuance.collection.reminder-lead", "P7D");
                c.put("hkmo.issuance.collection.sweep-every", JOB_SWEEP.toSeconds() + "s");
            }
            case NOTIFICATION -> {
                // The SDKs reach the simulators inside notification-service; texts go out within a second, and an
                // attempt cut off by a kill is looked up seconds later, not minutes.
                c.put("hkmo.notification.sms.endpoint", "localhost:" + port(NOTIFICATION));
                c.put("hkmo.notification.alipay.gateway-url", url(NOTIFICATION) + "/simulator/alipay-messages/gateway.do");
                c.put("hkmo.notification.dispatch.every", "1s");
                c.put("hkmo.notification.dispatch.in-flight-timeout", "PT5S");
                c.put("hkmo.notification.dispatch.retry-delays", "PT1S,PT2S,PT4S");
            }
            case GATEWAY -> {
                c.put("hkmo.gateway.services.appointment.url", url(APPOINTMENT));
                c.put("hkmo.gateway.services.eligibility.url", url(ELIGIBILITY));
                c.put("hkmo.gateway.services.fee.url", url(FEE));
                c.put("hkmo.gateway.services.issuance.url", url(ISSUANCE));
                c.put("hkmo.gateway.services.notification.url", url(NOTIFICATION));
                for (String service : List.of(APPOINTMENT, ELIGIBILITY, FEE, ISSUANCE, NOTIFICATION)) {
                    c.put("hkmo.gateway.services." + service.replace("-service", "") + ".management-url",
                            managementUrl(service));
                }
                // The tests poll timelines; the per-citizen budget (60/min) is not what they test.
                c.put("hkmo.gateway.delegation.recheck-after", "2s");
                c.put("hkmo.gateway.rate-limit.citizen.capacity", "100000");
                c.put("hkmo.gateway.rate-limit.subject.capacity", "100000");
                c.put("hkmo.gateway.rate-limit.client.capacity", "100000");
                c.put("hkmo.gateway.rate-limit.anonymous.capacity", "100000");
                // upstreams answer slowly on a loaded 2-core machine
                c.put("hkmo.gateway.services.appointment.timeout", "30s");
                c.put("hkmo.gateway.services.eligibility.timeout", "30s");
                c.put("hkmo.gateway.services.fee.timeout", "30s");
                c.put("hkmo.gateway.services.issuance.timeout", "30s");
                c.put("hkmo.gateway.services.notification.timeout", "30s");
            }
            default -> {
            }
        }
        return c;
    }

    // ------------------------------------------------------------------ accessors

    /**
     * Settings every service (not the gateway) starts with from now on, replacing those given before: what a test
     * changes for the rest of the run, such as the personal-data keys after a rotation. Later restarts and replicas
     * take them; the running processes need {@link Replicas#rollOut}.
     */
    public void overrideServices(Map<String, String> settings) {
        serviceOverrides.clear();
        serviceOverrides.putAll(settings);
    }

    public LocalPlatform platform() {
        return platform;
    }

    public int port(String app) {
        return ports.get(app);
    }

    public String url(String app) {
        return "http://localhost:" + port(app);
    }

    /** Health and metrics of {@code app}: its management interface, off the API port. */
    public String managementUrl(String app) {
        return "http://localhost:" + managementPorts.get(app);
    }

    /** {@code http://localhost:<port>} of the gateway: every test request goes there. */
    public String gatewayUrl() {
        return url(GATEWAY);
    }

    /** The payment simulator of fee-service (the payment platform's side; not routed by the gateway). */
    public String simulatorUrl() {
        return url(FEE) + "/simulator/alipay";
    }

    /** The SMS provider's simulator in notification-service (the provider's side; not routed by the gateway). */
    public String smsSimulatorUrl() {
        return url(NOTIFICATION) + "/simulator/sms";
    }

    public String keycloakUrl() {
        return platform.keycloakUrl();
    }

    public String realmUrl() {
        return platform.realmUrl();
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Map<String, Long> startupMillis() {
        return Map.copyOf(startupMillis);
    }

    /** The last {@code lines} lines of each application's log, for a failure report. */
    public String logTails(int lines) {
        StringBuilder s = new StringBuilder();
        for (String app : APPS) {
            Path log = logs.resolve(app + ".log");
            s.append("\n----- ").append(app).append(" (").append(log).append("), last ").append(lines).append(" lines -----\n");
            try {
                List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of("(no log file)");
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> s.append(l).append('\n'));
            } catch (IOException | RuntimeException e) {
                s.append("(cannot read: ").append(e).append(")\n");
            }
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ helpers

    static Path jar(Path root, String app) {
        return root.resolve(app).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The repository root: {@code -Dhkmo.repo-root} (set by the POM), else the nearest folder up with {@code mvnw}. */
    static Path locateRepoRoot() {
        String configured = System.getProperty("hkmo.repo-root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("gateway"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    public static void log(String message) {
        System.out.println("[system-tests] " + message);
        System.out.flush();
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
