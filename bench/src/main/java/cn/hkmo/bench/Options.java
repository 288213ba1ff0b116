package cn.hkmo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sizes of one bench run; {@link #smoke()} is the tiny variant the test command runs. {@code largeCitizens} and
 * {@code largeCapacity} size the optional second rush ({@code --large-rush}; 0 = none), {@code command} is the command
 * line as given, for the report.
 */
public record Options(boolean smoke, int citizens, int capacity, int concurrency, int warmupBookings, int events,
                      double eventRate, int wrkSeconds, int wrkLatencySeconds, int wrkConnections, int rulesHttpSeconds,
                      int rulesHttpConcurrency, int jmhForks, int jmhWarmups, int jmhIterations, int jmhSeconds,
                      int idleSettleSeconds, int largeCitizens, int largeCapacity, List<String> apps, Path out, Path repoRoot,
                      String command) {

    public static final List<String> ALL_APPS = List.of("appointment-service", "eligibility-service", "fee-service",
            "issuance-service", "gateway");

    /**
     * The full run. Its warm-up is at least six passes of the rush's mix on another window by 1,500 other citizens (k
     * book and cancel, the others meet SLOT_FULL), and more until the JIT is quiet (BookingRush): the rush measures a
     * service whose booking path C2 has compiled, not one that has served a few thousand requests since it started.
     */
    public static Options full(Path out, Path repoRoot) {
        return new Options(false, 1500, 150, 50, 9000, 600, 20.0, 15, 8, 32, 10, 16, 1, 3, 5, 2, 10, 0, 0, ALL_APPS, out, repoRoot,
                "bench/run.sh");
    }

    public static Options smoke(Path out, Path repoRoot) {
        return new Options(true, 12, 3, 4, 6, 6, 10.0, 1, 1, 4, 1, 4, 0, 1, 1, 1, 1, 0, 0,
                List.of("appointment-service", "eligibility-service", "gateway"), out, repoRoot, "bench/run.sh --smoke");
    }

    /** The citizens of the warm-up: its bookings cycle through them (at most N of them, so Keycloak is spared). */
    int warmupCitizens() {
        return Math.min(warmupBookings, citizens);
    }

    /** The warm-up's least number of passes, each of {@link #warmupCitizens()} bookings. */
    int warmupPasses() {
        return Math.max(1, warmupBookings / warmupCitizens());
    }

    /**
     * After its least number of passes, the warm-up goes on while the JIT's compiler threads take more than this share of
     * a profiled JVM's CPU in a pass (the smoke run stops at its least number).
     */
    double warmupJitShare() {
        return smoke ? 1.0 : 0.03;
    }

    /** The second rush of {@code --large-rush}: how cost grows from N=1,500, k=150 to ten times as many (issue 18). */
    public static final int LARGE_CITIZENS = 10_000;
    public static final int LARGE_CAPACITY = 1_000;

    private static final String USAGE = "usage: bench/run.sh [--smoke] [--large-rush] [--out DIR] [--citizens N] [--capacity K]"
            + " [--concurrency C] [--events E] [--event-rate R] [--wrk-seconds S]";

    /**
     * {@code [--smoke] [--large-rush] [--out DIR] [--citizens N] [--capacity K] [--concurrency C] [--events E]
     * [--event-rate R] [--wrk-seconds S]}
     */
    public static Options parse(String[] args) {
        Path root = findRepoRoot();
        boolean smoke = List.of(args).contains("--smoke");
        Options o = smoke ? smoke(root.resolve("bench/target/smoke"), root) : full(root.resolve("bench"), root);
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--smoke" -> { }
                case "--large-rush" -> o = o.large(LARGE_CITIZENS, LARGE_CAPACITY);
                case "--out" -> { o = o.with(Path.of(v).toAbsolutePath()); i++; }
                case "--citizens" -> { o = o.sized(Integer.parseInt(v), o.capacity, o.concurrency, o.events, o.eventRate, o.wrkSeconds); i++; }
                case "--capacity" -> { o = o.sized(o.citizens, Integer.parseInt(v), o.concurrency, o.events, o.eventRate, o.wrkSeconds); i++; }
                case "--concurrency" -> { o = o.sized(o.citizens, o.capacity, Integer.parseInt(v), o.events, o.eventRate, o.wrkSeconds); i++; }
                case "--events" -> { o = o.sized(o.citizens, o.capacity, o.concurrency, Integer.parseInt(v), o.eventRate, o.wrkSeconds); i++; }
                case "--event-rate" -> { o = o.sized(o.citizens, o.capacity, o.concurrency, o.events, Double.parseDouble(v), o.wrkSeconds); i++; }
                case "--wrk-seconds" -> { o = o.sized(o.citizens, o.capacity, o.concurrency, o.events, o.eventRate, Integer.parseInt(v)); i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (o.citizens % o.concurrency != 0 || o.capacity > o.citizens || o.capacity > 1000 || o.events > o.citizens - o.capacity) {
            throw new IllegalArgumentException("citizens must be a multiple of concurrency (pgbench -t), capacity <= citizens, <= 1000,"
                    + " events <= citizens - capacity (the event part books with the rush's SLOT_FULL citizens)");
        }
        if (o.largeCitizens % o.concurrency != 0) {
            throw new IllegalArgumentException("--large-rush: " + o.largeCitizens + " citizens must be a multiple of concurrency");
        }
        return o.commandLine(args.length == 0 ? "bench/run.sh" : "bench/run.sh " + String.join(" ", args));
    }

    Options with(Path newOut) {
        return new Options(smoke, citizens, capacity, concurrency, warmupBookings, events, eventRate, wrkSeconds,
                wrkLatencySeconds, wrkConnections, rulesHttpSeconds, rulesHttpConcurrency, jmhForks, jmhWarmups,
                jmhIterations, jmhSeconds, idleSettleSeconds, largeCitizens, largeCapacity, apps, newOut, repoRoot, command);
    }

    Options sized(int n, int k, int c, int e, double rate, int wrk) {
        return new Options(smoke, n, k, c, warmupBookings, e, rate, wrk, wrkLatencySeconds, wrkConnections, rulesHttpSeconds,
                rulesHttpConcurrency, jmhForks, jmhWarmups, jmhIterations, jmhSeconds, idleSettleSeconds, largeCitizens,
                largeCapacity, apps, out, repoRoot, command);
    }

    Options large(int n, int k) {
        return new Options(smoke, citizens, capacity, concurrency, warmupBookings, events, eventRate, wrkSeconds,
                wrkLatencySeconds, wrkConnections, rulesHttpSeconds, rulesHttpConcurrency, jmhForks, jmhWarmups,
                jmhIterations, jmhSeconds, idleSettleSeconds, n, k, apps, out, repoRoot, command);
    }

    Options commandLine(String line) {
        return new Options(smoke, citizens, capacity, concurrency, warmupBookings, events, eventRate, wrkSeconds,
                wrkLatencySeconds, wrkConnections, rulesHttpSeconds, rulesHttpConcurrency, jmhForks, jmhWarmups,
                jmhIterations, jmhSeconds, idleSettleSeconds, largeCitizens, largeCapacity, apps, out, repoRoot, line);
    }

    boolean largeRush() {
        return largeCitizens > 0;
    }

    /** {@code -Dhkmo.repo-root}, else the nearest folder up with mvnw and platform/. */
    public static Path findRepoRoot() {
        String p = System.getProperty("hkmo.repo-root");
        if (p != null) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("platform"))) {
                return d;
            }
        }
        throw new IllegalStateException("run from inside the repository (or set -Dhkmo.repo-root)");
    }
}
