package cn.hkmo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Sizes of one bench run; {@link #smoke()} is the tiny variant the test command runs. */
public record Options(boolean smoke, int citizens, int capacity, int concurrency, int warmupBookings, int events,
                      double eventRate, int wrkSeconds, int wrkLatencySeconds, int wrkConnections, int rulesHttpSeconds,
                      int rulesHttpConcurrency, int jmhForks, int jmhWarmups, int jmhIterations, int jmhSeconds,
                      int idleSettleSeconds, List<String> apps, Path out, Path repoRoot) {

    public static final List<String> ALL_APPS = List.of("appointment-service", "eligibility-service", "fee-service",
            "issuance-service", "gateway");

    public static Options full(Path out, Path repoRoot) {
        return new Options(false, 1500, 150, 50, 300, 600, 20.0, 15, 8, 32, 10, 16, 1, 3, 5, 2, 10, ALL_APPS, out, repoRoot);
    }

    public static Options smoke(Path out, Path repoRoot) {
        return new Options(true, 12, 3, 4, 6, 6, 10.0, 1, 1, 4, 1, 4, 0, 1, 1, 1, 1,
                List.of("appointment-service", "eligibility-service", "gateway"), out, repoRoot);
    }

    /** {@code [--smoke] [--out DIR] [--citizens N] [--capacity K] [--concurrency C] [--events E] [--event-rate R] [--wrk-seconds S]} */
    public static Options parse(String[] args) {
        Path root = findRepoRoot();
        boolean smoke = List.of(args).contains("--smoke");
        Options o = smoke ? smoke(root.resolve("bench/target/smoke"), root) : full(root.resolve("bench"), root);
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--smoke" -> { }
                case "--out" -> { o = o.with(Path.of(v).toAbsolutePath()); i++; }
                case "--citizens" -> { o = o.sized(Integer.parseInt(v), o.capacity, o.concurrency, o.events, o.eventRate, o.wrkSeconds); i++; }
                case "--capacity" -> { o = o.sized(o.citizens, Integer.parseInt(v), o.concurrency, o.events, o.eventRate, o.wrkSeconds); i++; }
                case "--concurrency" -> { o = o.sized(o.citizens, o.capacity, Integer.parseInt(v), o.events, o.eventRate, o.wrkSeconds); i++; }
                case "--events" -> { o = o.sized(o.citizens, o.capacity, o.concurrency, Integer.parseInt(v), o.eventRate, o.wrkSeconds); i++; }
                case "--event-rate" -> { o = o.sized(o.citizens, o.capacity, o.concurrency, o.events, Double.parseDouble(v), o.wrkSeconds); i++; }
                case "--wrk-seconds" -> { o = o.sized(o.citizens, o.capacity, o.concurrency, o.events, o.eventRate, Integer.parseInt(v)); i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "\nusage: bench/run.sh [--smoke] [--out DIR] [--citizens N] [--capacity K] [--concurrency C]"
                        + " [--events E] [--event-rate R] [--wrk-seconds S]");
            }
        }
        if (o.citizens % o.concurrency != 0 || o.capacity > o.citizens || o.capacity > 1000 || o.events > o.citizens - o.capacity) {
            throw new IllegalArgumentException("citizens must be a multiple of concurrency (pgbench -t), capacity <= citizens, <= 1000,"
                    + " events <= citizens - capacity (the event part books with the rush's SLOT_FULL citizens)");
        }
        return o;
    }

    Options with(Path newOut) {
        return new Options(smoke, citizens, capacity, concurrency, warmupBookings, events, eventRate, wrkSeconds,
                wrkLatencySeconds, wrkConnections, rulesHttpSeconds, rulesHttpConcurrency, jmhForks, jmhWarmups,
                jmhIterations, jmhSeconds, idleSettleSeconds, apps, newOut, repoRoot);
    }

    Options sized(int n, int k, int c, int e, double rate, int wrk) {
        return new Options(smoke, n, k, c, warmupBookings, e, rate, wrk, wrkLatencySeconds, wrkConnections, rulesHttpSeconds,
                rulesHttpConcurrency, jmhForks, jmhWarmups, jmhIterations, jmhSeconds, idleSettleSeconds, apps, out, repoRoot);
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
