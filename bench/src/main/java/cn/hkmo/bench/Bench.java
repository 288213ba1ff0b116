package cn.hkmo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bench: starts a private platform and the applications through the launcher's code (free ports, its own data
 * folder), measures the five parts of issue 9 in one run ({@link BookingRush}, {@link GatewayHop},
 * {@link EventLatency}, {@link Footprint}, {@link RulesThroughput}), stops everything and writes RESULTS.md and
 * results.csv.
 *
 * <p>{@code bench/run.sh [--smoke] ...}; see bench/README.md.
 */
public final class Bench {

    private final Options o;
    private final long ownPid = ProcessHandle.current().pid();

    public Bench(Options options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Bench bench = new Bench(options);
        Result r = bench.run();
        System.out.println("[bench] wrote " + r.resultsMd());
        System.exit(r.harnessOk() ? 0 : 1);
    }

    /** Where the report went, and whether every part ran (a missed target is not a harness failure). */
    public record Result(Path resultsMd, boolean harnessOk, Report report, List<String> failures) {
    }

    public Result run() throws Exception {
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        Path work = o.smoke() ? o.out().resolve("work") : o.repoRoot().resolve("bench/target/bench-work");
        deleteRecursively(work);
        Files.createDirectories(work);
        // --out may name a folder that does not exist yet: the pgbench script, nginx.conf and the report go there.
        Files.createDirectories(o.out());
        String startLoad = Machine.loadAverage();
        List<String> busy = Machine.busiestProcesses(8, ownPid);
        Instant started = Instant.now();
        Findings findings = new Findings();
        Stage stage = new Stage(o, work);
        BookingDay day = new BookingDay(o, stage, findings);
        Footprint footprint = new Footprint(o, stage, day, findings);
        BookingRush rush = new BookingRush(o, stage, day, footprint, findings);
        GatewayHop hop = new GatewayHop(o, stage, day, findings);
        EventLatency events = new EventLatency(o, stage, day, findings);
        RulesThroughput rules = new RulesThroughput(o, stage, day, findings);
        try {
            stage.start();
            footprint.measureIdle();
            part("setup", failures, stage, findings, day::setUp);
            if (day.day == null || !failures.isEmpty()) {
                throw new IllegalStateException("setup failed, nothing to measure");
            }
            part("rush", failures, stage, findings, rush::run);
            if (o.largeRush()) {
                part("large rush", failures, stage, findings, rush::runLarge);
            }
            part("hop", failures, stage, findings, hop::run);
            part("events", failures, stage, findings, events::run);
            part("rules", failures, stage, findings, rules::run);
        } catch (Exception e) {
            failures.add("platform/apps: " + e);
            e.printStackTrace();
        } finally {
            stage.close();
        }
        footprint.record();
        Report r = findings.report;
        writeHeader(r, findings, stage, started, startLoad, busy, (System.nanoTime() - t0) / 1e9, failures);
        for (BenchPart section : List.of(rush, hop, events, footprint, rules)) {
            section.describe(r);
        }
        writeFooter(r, findings);
        r.write(o.out());
        return new Result(o.out().resolve("RESULTS.md"), failures.isEmpty(), r, failures);
    }

    interface Part {
        void run() throws Exception;
    }

    /** Runs one part with the load average before it and its CPU per component; a failure is recorded, not thrown. */
    private static void part(String name, List<String> failures, Stage stage, Findings findings, Part part) {
        log("part " + name + " (load average " + findings.load(name) + ")");
        CpuMeter.Snapshot before = CpuMeter.snapshot(stage::component);
        try {
            part.run();
            findings.cpuByPart.put(name, CpuMeter.snapshot(stage::component).minus(before).describe(Machine.cores()));
        } catch (Exception | AssertionError e) {
            failures.add(name + ": " + e);
            findings.notes.add("Part `" + name + "` failed: " + e);
            e.printStackTrace();
        }
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }

    // ------------------------------------------------------------------ the report around the parts' sections

    private void writeHeader(Report r, Findings findings, Stage stage, Instant started, String startLoad, List<String> busy,
                             double seconds, List<String> failures) {
        r.line("# Bench results%s", o.smoke() ? " (SMOKE RUN: tiny sizes, figures meaningless)" : "");
        r.line("");
        r.line("Issue 9: the booking rush, the gateway hop and event latency, side by side with their ceilings, "
                + "measured in **one run on one machine**. Generated by the harness in `bench/` — do not edit by hand.");
        r.line("");
        r.line("## Command");
        r.line("");
        r.line("```bash");
        r.line(o.command());
        r.line("```");
        r.line("");
        r.line("Started %s, took %.0f s. Sizes: N=%d citizens, k=%d, concurrency %d, warm-up in passes of %d bookings by %d citizens (at least %d, until the JIT is quiet), %d events at %.0f/s, "
                        + "wrk %d s (throughput, %d connections) / %d s (latency, 1 connection), rules over HTTP %d s x %d clients, "
                        + "JMH forks %d, %d warm-up + %d measured iterations.",
                started, seconds, o.citizens(), o.capacity(), o.concurrency(), o.warmupCitizens(), o.warmupCitizens(), o.warmupPasses(), o.events(), o.eventRate(),
                o.wrkSeconds(), o.wrkConnections(), o.wrkLatencySeconds(), o.rulesHttpSeconds(), o.rulesHttpConcurrency(),
                o.jmhForks(), o.jmhWarmups(), o.jmhIterations());
        r.line("");
        r.line("## Machine");
        r.line("");
        r.line("- %d cores (%s), %s memory, Linux %s, %s", Machine.cores(), Machine.cpuModel(), Machine.memory(),
                Machine.kernel(), Machine.jvm());
        r.line("- Load average at start: %s (1, 5, 15 min). Before each part: %s", startLoad, findings.loads);
        r.line("- Everything (PostgreSQL 17, Kafka, Keycloak, %d applications, the load generators, nginx, pgbench) shares these cores.",
                stage.apps().size());
        if (busy.isEmpty()) {
            r.line("- No other busy process was seen at start.");
        } else {
            r.line("- **Other work was running at start** (not ours; it competed for the cores):");
            for (String b : busy) {
                r.line("  - `%s`", b.replace("`", "'"));
            }
        }
        r.line("- Platform start-up (ms): %s", stage.platformMillis());
        r.line("");
        if (!failures.isEmpty()) {
            r.line("## Harness failures");
            r.line("");
            for (String f : failures) {
                r.line("- %s", f);
            }
            r.line("");
        }
    }

    private void writeFooter(Report r, Findings findings) throws java.io.IOException {
        r.line("## Where the CPU went (the profile of this run)");
        r.line("");
        r.line("CPU seconds per component from `/proc/<pid>/stat` (PostgreSQL includes its exited backends), percent of "
                + "all cores over the wall time; \"other processes\" = machine busy time not ours (other engineers' builds).");
        r.line("");
        findings.cpuOfRush.forEach((k, v) -> r.line("- **%s**: %s", k, v));
        findings.cpuByPart.forEach((k, v) -> r.line("- part `%s`: %s", k, v));
        r.line("");
        if (!findings.notes.isEmpty()) {
            r.line("## Notes from the run");
            r.line("");
            for (String n : findings.notes) {
                r.line("- %s", n);
            }
            r.line("");
        }
        Path analysis = o.repoRoot().resolve("bench/src/main/resources/bench/analysis.md");
        if (!o.smoke() && Files.exists(analysis)) {
            r.line(Files.readString(analysis));
        }
    }
}
