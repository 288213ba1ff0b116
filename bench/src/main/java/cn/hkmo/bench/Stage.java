package cn.hkmo.bench;

import cn.hkmo.platform.LocalPlatform;
import cn.hkmo.platform.PlatformConfig;
import cn.hkmo.platform.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the parts measure: a private platform and the applications, started through the launcher's code (free ports,
 * its own data folder {@code <work>/platform}) with the JVM options production gives them, and stopped at the end.
 */
final class Stage implements AutoCloseable {

    private final Options o;
    private final Path work;
    private final Map<String, AppInfo> apps = new LinkedHashMap<>();
    private LocalPlatform platform;
    private Keycloak keycloak;
    private Map<String, Long> platformMillis = Map.of();

    /** An application as started: ports, pids, start-up time, RSS samples. */
    static final class AppInfo {
        final String name;
        final int port;
        final int managementPort = Ports.free();
        long javaPid = -1;
        double readyMs;
        double quarkusStartedS = Double.NaN;
        /** CPU seconds the JVM used until ready, and of them its JIT compiler threads' (those still alive then). */
        double cpuToReadyS = Double.NaN;
        double jitToReadyS = Double.NaN;
        JvmMemory idleMemory;
        long idleRssKb;
        long idleAnonKb;
        volatile long rushPeakRssKb;
        List<String> jvmOptions = List.of();

        AppInfo(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }

    Stage(Options options, Path work) {
        this.o = options;
        this.work = work;
    }

    /** Starts the platform, then the applications one after the other, each timed to ready. */
    void start() throws Exception {
        Bench.log("starting the platform (private data folder " + work.resolve("platform") + ", free ports)");
        platform = LocalPlatform.start(new PlatformConfig(work.resolve("platform"), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), false, false));
        platformMillis = platform.startupMillis();
        keycloak = new Keycloak(platform.keycloakUrl());
        startApps();
    }

    private void startApps() throws Exception {
        // The launcher passes every -Dapp.X=Y to every application as -DX=Y: the dev profile as ./run uses it, and
        // the gateway's per-IP / per-client / per-citizen rate limits out of the way (all bench citizens share the
        // client hkmo-dev-cli, and wrk reads anonymously from one IP).
        System.setProperty("app.quarkus.profile", "dev");
        System.setProperty("app.hkmo.gateway.rate-limit.anonymous.capacity", "1000000000");
        System.setProperty("app.hkmo.gateway.rate-limit.client.capacity", "1000000000");
        System.setProperty("app.hkmo.gateway.rate-limit.citizen.capacity", "1000000000");
        for (String name : o.apps()) {
            apps.put(name, new AppInfo(name, Ports.free()));
        }
        Map<String, String> gatewayRoutes = new HashMap<>();
        for (AppInfo a : apps.values()) {
            if (!a.name.equals("gateway")) {
                String service = "hkmo.gateway.services." + a.name.replace("-service", "");
                gatewayRoutes.put(service + ".url", "http://localhost:" + a.port);
                gatewayRoutes.put(service + ".management-url", "http://localhost:" + a.managementPort);
            }
        }
        for (AppInfo a : apps.values()) {
            Path jar = o.repoRoot().resolve(a.name + "/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (bench/run.sh does)");
            }
            Bench.log("starting " + a.name + " on port " + a.port);
            long s = System.nanoTime();
            Map<String, String> settings = new HashMap<>(a.name.equals("gateway") ? gatewayRoutes : Map.of());
            settings.put("quarkus.management.port", Integer.toString(a.managementPort));
            a.jvmOptions = productionJvmOptions(o.repoRoot(), a.name);
            LocalPlatform.AppProcess p = platform.startApp(a.name, jar, a.port, settings, a.jvmOptions);
            a.readyMs = (System.nanoTime() - s) / 1e6;
            a.javaPid = ProcessHandle.of(p.process().pid()).flatMap(h -> h.children().findFirst()).map(ProcessHandle::pid)
                    .orElse(-1L);
            a.quarkusStartedS = quarkusStarted(p.process().log());
            a.cpuToReadyS = CpuMeter.cpuSeconds(a.javaPid);
            a.jitToReadyS = CpuMeter.threadsOf(a.javaPid).getOrDefault(CpuMeter.JIT, Double.NaN);
        }
    }

    /**
     * The JVM options production runs the application with: {@code JDK_JAVA_OPTIONS} of its ConfigMap
     * ({@code k8s/base/apps/<app>/configmap.yaml}), so the footprint and the rush are measured with the same heap, GC
     * and thread pools. None if the ConfigMap sets none.
     */
    static List<String> productionJvmOptions(Path repoRoot, String app) throws java.io.IOException {
        Path configMap = repoRoot.resolve("k8s/base/apps/" + app + "/configmap.yaml");
        if (!Files.exists(configMap)) {
            return List.of();
        }
        Matcher m = Pattern.compile("(?m)^\\s+JDK_JAVA_OPTIONS:\\s*\"?([^\"\\n]*)\"?\\s*$").matcher(Files.readString(configMap));
        return m.find() && !m.group(1).isBlank() ? List.of(m.group(1).trim().split("\\s+")) : List.of();
    }

    static double quarkusStarted(Path log) {
        try {
            Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** Which component a descendant process belongs to, by its command line. */
    String component(ProcessHandle p) {
        String cmd;
        try {
            cmd = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
        } catch (Exception e) {
            return null;
        }
        for (AppInfo a : apps.values()) {
            if (p.pid() == a.javaPid || cmd.contains("/" + a.name + "/target/quarkus-app")) {
                return a.name;
            }
        }
        if (cmd.contains("keycloak")) {
            return "keycloak";
        }
        if (cmd.contains("nginx")) {
            return "nginx";
        }
        if (cmd.contains("org.openjdk.jmh")) {
            return "JMH fork";
        }
        if (cmd.contains("postgres")) {
            return "postgres";
        }
        return null;
    }

    /** Stops the applications and the platform; keeps their logs ({@code <work>/platform/logs}). */
    @Override
    public void close() {
        if (platform != null) {
            Bench.log("stopping the applications and the platform");
            platform.close();
            // keep the logs (platform/logs) for a look afterwards; the servers' data is no use once stopped
            for (String d : List.of("postgres", "kafka", "keycloak")) {
                try {
                    Bench.deleteRecursively(work.resolve("platform").resolve(d));
                } catch (Exception e) {
                    Bench.log("could not delete " + d + ": " + e);
                }
            }
        }
    }

    LocalPlatform platform() {
        return platform;
    }

    Keycloak keycloak() {
        return keycloak;
    }

    /** The platform's start-up durations in ms; empty if it did not start. */
    Map<String, Long> platformMillis() {
        return platformMillis;
    }

    /** The started applications, in start order. */
    Map<String, AppInfo> apps() {
        return apps;
    }

    Path work() {
        return work;
    }

    /** The application's API base URL, or null if this run does not start it. */
    String url(String app) {
        AppInfo a = apps.get(app);
        return a == null ? null : "http://localhost:" + a.port;
    }
}
