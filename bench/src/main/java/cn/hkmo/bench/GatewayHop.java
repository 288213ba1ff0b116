package cn.hkmo.bench;

import cn.hkmo.platform.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 2: the same public read straight to appointment-service, through the gateway and through nginx as a plain
 * reverse proxy; wrk (or the JVM load generator without it) with 1 connection for latency, many for throughput.
 */
final class GatewayHop extends BenchPart {

    static final String PART = "2 gateway hop";

    private final List<String> wrkCommands = new ArrayList<>();
    private Profiler.Profile gatewayProfile;

    GatewayHop(Options options, Stage stage, BookingDay day, Findings findings) {
        super(options, stage, day, findings);
    }

    void run() throws Exception {
        Report report = findings.report;
        String path = "/api/v1/availability?hallId=" + BookingDay.RUSH_HALL + "&from=" + day.day + "&to=" + day.day;
        boolean wrk = Machine.hasTool("wrk");
        boolean nginxInstalled = Machine.hasTool("nginx");
        Nginx nginx = null;
        try {
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("direct", stage.url("appointment-service") + path);
            targets.put("gateway", stage.url("gateway") + path);
            if (nginxInstalled) {
                int port = Ports.free();
                nginx = Nginx.start(port, stage.apps().get("appointment-service").port, 2, stage.work().resolve("nginx"));
                Files.copy(nginx.prefix().resolve("nginx.conf"), o.out().resolve("nginx.conf"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                targets.put("nginx", "http://127.0.0.1:" + port + path);
            } else {
                findings.notes.add("nginx is not installed (apt-get install nginx): no nginx comparison in this run.");
            }
            if (!wrk) {
                findings.notes.add("wrk is not installed (apt-get install wrk): the hop was measured with the JVM load generator.");
            }
            Map<String, double[]> lat = new LinkedHashMap<>();   // p50, p99, mean
            Map<String, Double> thr = new LinkedHashMap<>();
            for (var t : targets.entrySet()) {           // warm-up of each path
                measure(t.getValue(), wrk, 2, Math.max(1, o.wrkLatencySeconds() / 2), 8);
            }
            findings.load("hop latency");
            for (var t : targets.entrySet()) {           // one connection: the hop's own latency, no queueing
                double[] m = measure(t.getValue(), wrk, 1, o.wrkLatencySeconds(), 1);
                lat.put(t.getKey(), m);
            }
            findings.load("hop throughput");
            for (var t : targets.entrySet()) {           // many connections: throughput
                CpuMeter.Snapshot c0 = CpuMeter.snapshot(stage::component);
                double[] m = measure(t.getValue(), wrk, 2, o.wrkSeconds(), o.wrkConnections());
                CpuMeter.Snapshot cpu = CpuMeter.snapshot(stage::component).minus(c0);
                double requests = m[3] * o.wrkSeconds();
                String proxy = t.getKey().equals("gateway") ? "gateway" : t.getKey().equals("nginx") ? "nginx" : null;
                if (proxy != null) {
                    report.add(PART, t.getKey() + ": proxy CPU per request", 1e6 * cpu.cpu().getOrDefault(proxy, 0.0) / requests, "µs");
                }
                report.add(PART, t.getKey() + ": appointment-service CPU per request",
                        1e6 * cpu.cpu().getOrDefault("appointment-service", 0.0) / requests, "µs");
                findings.cpuByPart.put("hop throughput via " + t.getKey(), cpu.describe(Machine.cores()));
                thr.put(t.getKey(), m[3]);
                report.add(PART, t.getKey() + ": throughput (" + o.wrkConnections() + " connections)", m[3], "req/s");
                report.add(PART, t.getKey() + ": p50 at " + o.wrkConnections() + " connections", m[0], "ms");
                report.add(PART, t.getKey() + ": p99 at " + o.wrkConnections() + " connections", m[1], "ms");
            }
            gatewayProfile = profileGateway(targets.get("gateway"), wrk);
            for (var e : lat.entrySet()) {
                report.add(PART, e.getKey() + ": latency p50 (1 connection)", e.getValue()[0], "ms");
                report.add(PART, e.getKey() + ": latency p99 (1 connection)", e.getValue()[1], "ms");
            }
            double addP50 = lat.get("gateway")[0] - lat.get("direct")[0];
            double addP99 = lat.get("gateway")[1] - lat.get("direct")[1];
            report.add(PART, "gateway added latency p50", addP50, "ms", "<= 1 ms", addP50 <= 1.0);
            report.add(PART, "gateway added latency p99", addP99, "ms");
            if (lat.containsKey("nginx")) {
                report.add(PART, "nginx added latency p50", lat.get("nginx")[0] - lat.get("direct")[0], "ms");
                report.add(PART, "nginx added latency p99", lat.get("nginx")[1] - lat.get("direct")[1], "ms");
                double ratio = thr.get("gateway") / thr.get("nginx");
                report.add(PART, "throughput gateway / nginx", ratio, "ratio", ">= 0.80", ratio >= 0.8);
            }
            report.add(PART, "throughput gateway / direct", thr.get("gateway") / thr.get("direct"), "ratio");
        } finally {
            if (nginx != null) {
                nginx.close();
            }
        }
    }

    /**
     * The gateway's CPU profile on the same path at the same load, in a run of its own after the measured ones, so the
     * recording costs the figures above nothing. It starts before a warm-up, for the rush's reason (BookingRush).
     */
    private Profiler.Profile profileGateway(String url, boolean wrk) throws Exception {
        long pid = stage.apps().get("gateway").javaPid;
        Profiler.start(pid);
        try {
            measure(url, wrk, 2, Math.max(1, o.wrkSeconds() / 3), o.wrkConnections());
            Instant from = Instant.now();
            measure(url, wrk, 2, o.wrkSeconds(), o.wrkConnections());
            Instant to = Instant.now();
            Path jfr = o.repoRoot().resolve("bench/target/profiles/gateway-hop.jfr");
            Files.createDirectories(jfr.getParent());
            Profiler.dump(pid, jfr);
            return Profiler.read(jfr, 15, from, to);
        } finally {
            Profiler.stop(pid);
        }
    }

    /** p50, p99, mean (ms), requests/s. */
    private double[] measure(String url, boolean wrk, int threads, int seconds, int connections) throws Exception {
        if (wrk) {
            Path log = stage.work().resolve("wrk-" + wrkCommands.size() + ".txt");
            Wrk.Result r = Wrk.run(url, Math.min(threads, connections), connections, seconds, log);
            wrkCommands.add(r.command().replaceAll("localhost:\\d+|127.0.0.1:\\d+", "<host:port>"));
            if (r.non2xx() > 0 || r.socketErrors() > 0) {
                var probe = Http.send(Http.client(1), Http.request(url).GET().build());
                throw new IllegalStateException("wrk saw " + r.non2xx() + " non-2xx and " + r.socketErrors() + " socket errors on "
                        + url + "; one request now: " + probe.statusCode() + " " + probe.body());
            }
            return new double[] {r.p50Ms(), r.p99Ms(), r.meanMs(), r.requestsPerSecond()};
        }
        Load.Run run = Load.closedFor(() -> Http.request(url).GET().build(), connections, seconds * 1000L);
        if (run.count(200) != run.samples().size()) {
            throw new IllegalStateException("non-200 answers on " + url + ": " + run.outcomes());
        }
        Stats s = run.latency();
        return new double[] {s.p50Ms(), s.p99Ms(), s.meanMs(), run.perSecond()};
    }

    @Override
    void describe(Report r) {
        r.line("## 2. Gateway hop");
        r.line("");
        r.line("`GET /api/v1/availability?hallId=BJ-BENCH&from=D&to=D` (a public read, no token; the bench hall, 16 windows) straight to "
                + "appointment-service, through the gateway, and through nginx configured as a plain reverse proxy "
                + "(`nginx.conf`: 2 workers, keep-alive upstream, HTTP/1.1). Latency with 1 connection (no queueing: the "
                + "hop's own cost), throughput with %d connections. Each target warmed up first.", o.wrkConnections());
        r.line("");
        r.table(PART);
        if (!wrkCommands.isEmpty()) {
            r.line("wrk commands, in order: %s", String.join("; ", wrkCommands.stream().map(c -> "`" + c + "`").toList()));
            r.line("");
        }
        if (gatewayProfile != null) {
            r.line("### Where the gateway's CPU goes (JFR, `profile` settings)");
            r.line("");
            r.line("The gateway's Java stack samples in one more %d s run through it at %d connections, after the measured "
                    + "ones (the last two wrk commands: a warm-up with the recording on, then the profiled run), so the "
                    + "recording cost the figures above nothing; `bench/target/profiles/gateway-hop.jfr`.",
                    o.wrkSeconds(), o.wrkConnections());
            r.line("");
            Profiler.describe(r, "gateway, proxying the read", gatewayProfile);
        }
    }
}
