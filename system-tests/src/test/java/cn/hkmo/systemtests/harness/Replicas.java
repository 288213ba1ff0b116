package cn.hkmo.systemtests.harness;

import cn.hkmo.platform.LocalPlatform;
import cn.hkmo.platform.LocalPlatform.AppProcess;
import cn.hkmo.platform.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the resilience tests start on top of the {@link Suite}, once per JVM and only when a test asks:
 * <ul>
 *   <li>{@link #appointment2()}: a second instance of the packaged appointment-service on another port, against the
 *       same database and Kafka (a replica: same settings as the first instance);</li>
 *   <li>{@link #strictGateway()}: a second gateway with the production rate limits (citizen 60/min, other token
 *       subjects 300/min, anonymous 120/min; the partner client {@code alipay-partner} overridden to 30/min so a test can reach it), routed to the
 *       same four services;</li>
 *   <li>{@link #strictAppointment()}: a third appointment-service instance with the production per-citizen booking
 *       limits (one active booking per document type, five bookings per 30 days), behind the strict gateway;</li>
 *   <li>{@link #sharedLimitGateways()}: two more gateways that keep their rate limits in one PostgreSQL database, as
 *       the production replicas do (ADR 0010), with a small citizen budget.</li>
 * </ul>
 * And the faults: {@link #kill9(String)} and {@link #restart(String)} of a suite application; and
 * {@link #rollOut(List)}, a suite application stopped and started again with the suite's settings as they are now.
 */
public final class Replicas {

    public static final String APPOINTMENT_2 = "appointment-service-2";
    public static final String APPOINTMENT_STRICT = "appointment-service-strict";
    public static final String GATEWAY_STRICT = "gateway-strict";
    public static final int PARTNER_LIMIT_PER_MINUTE = 30;
    /** The production budget of a non-citizen token's subject (an officer, a service account). */
    public static final int STAFF_LIMIT_PER_MINUTE = 300;
    /** The production budget of one source address without a (valid) token. */
    public static final int ANONYMOUS_LIMIT_PER_MINUTE = 120;
    public static final String GATEWAY_SHARED_A = "gateway-shared-a";
    public static final String GATEWAY_SHARED_B = "gateway-shared-b";
    /** A citizen's budget on the shared-store gateways: small, and refilled so slowly that no token comes back in a test. */
    public static final int SHARED_CITIZEN_LIMIT_PER_HOUR = 10;
    private static final String RATE_LIMIT_DATABASE = "gateway";

    private static final Map<String, CompletableFuture<AppProcess>> STARTED = new ConcurrentHashMap<>();
    private static final Map<String, AppProcess> CURRENT = new ConcurrentHashMap<>();

    private Replicas() {
    }

    /** The second appointment-service replica (started on first use). */
    public static String appointment2() {
        return start(APPOINTMENT_2, () -> {
            Map<String, String> c = Suite.get().settings(Suite.APPOINTMENT);
            sameDatabase(c);
            logAs(c, APPOINTMENT_2);
            return c;
        }).url();
    }

    /** The appointment-service with production booking limits, only behind {@link #strictGateway()}. */
    public static String strictAppointment() {
        return strictAppointmentProcess().url();
    }

    private static AppProcess strictAppointmentProcess() {
        return start(APPOINTMENT_STRICT, () -> {
            Map<String, String> c = Suite.get().settings(Suite.APPOINTMENT);
            sameDatabase(c);
            c.remove("hkmo.appointment.limits.max-active-per-document");
            c.remove("hkmo.appointment.limits.max-bookings-per-period");
            logAs(c, APPOINTMENT_STRICT);
            return c;
        });
    }

    /** The gateway with production rate limits (started on first use, with {@link #strictAppointment()}). */
    public static String strictGateway() {
        AppProcess appointment = strictAppointmentProcess();
        return start(GATEWAY_STRICT, () -> {
            Suite s = Suite.get();
            Map<String, String> c = s.settings(Suite.GATEWAY);
            logAs(c, GATEWAY_STRICT);
            c.put("hkmo.gateway.services.appointment.url", appointment.url());
            c.put("hkmo.gateway.services.appointment.management-url", appointment.managementUrl());
            c.put("hkmo.gateway.rate-limit.citizen.capacity", "60");
            c.put("hkmo.gateway.rate-limit.subject.capacity", Integer.toString(STAFF_LIMIT_PER_MINUTE));
            c.put("hkmo.gateway.rate-limit.client.capacity", "3000");
            c.put("hkmo.gateway.rate-limit.anonymous.capacity", Integer.toString(ANONYMOUS_LIMIT_PER_MINUTE));
            c.put("hkmo.gateway.rate-limit.clients.alipay-partner.capacity", Integer.toString(PARTNER_LIMIT_PER_MINUTE));
            c.put("hkmo.gateway.rate-limit.clients.alipay-partner.period", "60s");
            return c;
        }).url();
    }

    /**
     * Two gateways with {@code store=postgresql} on one database of their own (created empty on first use), in front of the
     * suite's services: two replicas of production's gateway, with a citizen budget of
     * {@value #SHARED_CITIZEN_LIMIT_PER_HOUR} an hour.
     */
    public static List<String> sharedLimitGateways() {
        if (!STARTED.containsKey(GATEWAY_SHARED_A)) {
            provisionRateLimitDatabase();
        }
        CompletableFuture<AppProcess> a = CompletableFuture.supplyAsync(
                () -> start(GATEWAY_SHARED_A, () -> sharedLimits(GATEWAY_SHARED_A)));
        AppProcess b = start(GATEWAY_SHARED_B, () -> sharedLimits(GATEWAY_SHARED_B));
        return List.of(a.join().url(), b.url());
    }

    private static Map<String, String> sharedLimits(String name) {
        Suite s = Suite.get();
        Map<String, String> c = s.settings(Suite.GATEWAY);
        logAs(c, name);
        c.put("hkmo.gateway.rate-limit.store", "postgresql");
        c.put("quarkus.datasource.active", "true");
        c.put("quarkus.datasource.jdbc.url", s.platform().jdbcUrl(RATE_LIMIT_DATABASE));
        c.put("quarkus.datasource.username", RATE_LIMIT_DATABASE);
        c.put("quarkus.datasource.password", RATE_LIMIT_DATABASE);
        c.put("hkmo.gateway.rate-limit.citizen.capacity", Integer.toString(SHARED_CITIZEN_LIMIT_PER_HOUR));
        c.put("hkmo.gateway.rate-limit.citizen.period", "1h");
        // Production's 1 s wait for a connection is for a quiet cluster; on a loaded 2-core machine a check that
        // waited longer would be answered by the replica's own buckets, and the test is about the shared ones.
        c.put("quarkus.datasource.jdbc.acquisition-timeout", "20S");
        return c;
    }

    /** The platform provisions the services' databases only; the shared limits get one like production's hkmo-gateway-db. */
    private static synchronized void provisionRateLimitDatabase() {
        try (java.sql.Connection c = Suite.get().platform().postgres().connectAsSuperuser("postgres");
                java.sql.Statement s = c.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + RATE_LIMIT_DATABASE + "'").next()) {
                s.execute("CREATE ROLE " + RATE_LIMIT_DATABASE + " LOGIN PASSWORD '" + RATE_LIMIT_DATABASE + "'");
            }
            // empty on every run: the platform's data outlives the JVM, and so would an earlier run's spent budgets
            s.execute("DROP DATABASE IF EXISTS " + RATE_LIMIT_DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + RATE_LIMIT_DATABASE + " OWNER " + RATE_LIMIT_DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot provision the rate-limit database", e);
        }
    }

    /** Starts both strict instances and the replica in parallel (saves a minute on 2 cores). */
    public static void startAll() {
        CompletableFuture<String> a2 = CompletableFuture.supplyAsync(Replicas::appointment2);
        strictGateway();
        a2.join();
    }

    // ------------------------------------------------------------------ faults

    /** {@code kill -9} of a suite application's JVM (the watchdog above it then exits); waits until it is gone. */
    public static void kill9(String app) {
        AppProcess p = current(app);
        ProcessHandle watchdog = ProcessHandle.of(p.process().pid()).orElseThrow();
        List<ProcessHandle> jvm = watchdog.descendants().toList();
        jvm.forEach(ProcessHandle::destroyForcibly);                       // SIGKILL to the application's JVM
        // The watchdog waits on its lifeline, not on the child, and reaps the child only after it: release it now
        // (its TERM finds the JVM dead already) and wait until both are gone.
        p.process().stop(Duration.ofSeconds(30));
        if (jvm.stream().anyMatch(ProcessHandle::isAlive) || p.process().isAlive()) {
            throw new IllegalStateException(app + " still alive after kill -9");
        }
        CURRENT.remove(app);
        Suite.log(app + " killed (-9)");
    }

    /** Starts a suite application again on its port with its settings; waits until it is ready. */
    public static void restart(String app) {
        Suite s = Suite.get();
        long t = System.nanoTime();
        try {
            CURRENT.put(app, s.platform().startApp(app, Suite.jar(s.repoRoot(), app), s.port(app), s.settings(app)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Suite.log(app + " restarted in " + Suite.since(t).toMillis() + " ms");
    }

    /**
     * As a rollout does: each application stopped (TERM, its graceful shutdown) and started again on its ports with
     * {@link Suite#overrideServices the suite's settings as they are now}, all in parallel; waits until all are ready.
     */
    public static void rollOut(List<String> apps) {
        ExecutorService pool = Executors.newFixedThreadPool(apps.size()); // the common pool has one thread on 2 cores
        try {
            CompletableFuture.allOf(apps.stream().map(app -> CompletableFuture.runAsync(() -> {
                current(app).process().stop(Duration.ofSeconds(30));
                CURRENT.remove(app);
                restart(app);
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    private static AppProcess current(String app) {
        AppProcess p = CURRENT.get(app);
        if (p != null) {
            return p;
        }
        LocalPlatform platform = Suite.get().platform();
        return platform.apps().stream().filter(a -> a.name().equals(app) && a.process().isAlive())
                .reduce((first, second) -> second).orElseThrow(() -> new IllegalStateException(app + " is not running"));
    }

    // ------------------------------------------------------------------ helpers

    private interface Settings {
        Map<String, String> get();
    }

    private static void sameDatabase(Map<String, String> c) {
        LocalPlatform p = Suite.get().platform();
        c.put("quarkus.datasource.jdbc.url", p.jdbcUrl("appointment"));
        c.put("quarkus.datasource.username", "appointment");
        c.put("quarkus.datasource.password", "appointment");
    }

    private static void logAs(Map<String, String> c, String name) {
        c.put("quarkus.log.file.path", java.nio.file.Path.of(c.get("quarkus.log.file.path")).resolveSibling(name + ".log").toString());
    }

    private static AppProcess start(String name, Settings settings) {
        CompletableFuture<AppProcess> f = STARTED.computeIfAbsent(name, n -> CompletableFuture.supplyAsync(() -> {
            Suite s = Suite.get();
            String app = name.startsWith("gateway") ? Suite.GATEWAY : Suite.APPOINTMENT;
            long t = System.nanoTime();
            try {
                Map<String, String> c = settings.get();
                c.remove("quarkus.management.port"); // the instance it copies listens there: a free one instead
                AppProcess p = s.platform().startApp(name, Suite.jar(s.repoRoot(), app), Ports.free(), c);
                Suite.log(name + " ready at " + p.url() + " in " + Suite.since(t).toMillis() + " ms");
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try {
            return f.get(Long.getLong("hkmo.platform.app-ready-timeout-seconds", 300) + 30, TimeUnit.SECONDS);
        } catch (Exception e) {
            STARTED.remove(name);
            throw new IllegalStateException(name + " did not start: " + e, e);
        }
    }

    static Duration since(long nanos) {
        return Suite.since(nanos);
    }
}
