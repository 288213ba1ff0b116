package cn.hkmo.bench;

/**
 * Part 4: each application's start to ready (timed by the {@link Stage}), its RSS idle and its peak during the rush,
 * with the JVM options production gives it.
 */
final class Footprint extends BenchPart {

    static final String PART = "4 footprint";

    Footprint(Options options, Stage stage, BookingDay day, Findings findings) {
        super(options, stage, day, findings);
    }

    /** RSS of every application once they have all been ready for a while, and what its JVM holds then. */
    void measureIdle() throws Exception {
        Thread.sleep(o.idleSettleSeconds() * 1000L);
        for (Stage.AppInfo a : stage.apps().values()) {
            a.idleRssKb = Machine.rssKb(a.javaPid);
            a.idleAnonKb = Machine.statusKb(a.javaPid, "RssAnon");
            a.idleMemory = JvmMemory.of(a.javaPid);
        }
    }

    /** Samples every application's RSS every 100 ms, keeping the peak, until the returned thread is interrupted. */
    Thread samplePeakRss() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (Stage.AppInfo a : stage.apps().values()) {
                    a.rushPeakRssKb = Math.max(a.rushPeakRssKb, Machine.rssKb(a.javaPid));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The figures, once the run is over. */
    void record() {
        Report report = findings.report;
        for (Stage.AppInfo a : stage.apps().values()) {
            report.add(PART, a.name + ": start to ready (spawn to /q/health/ready UP)", a.readyMs, "ms", "< 3000 ms", a.readyMs < 3000);
            report.add(PART, a.name + ": Quarkus \"started in\"", a.quarkusStartedS * 1000, "ms");
            report.add(PART, a.name + ": CPU to ready", a.cpuToReadyS * 1000, "ms");
            report.add(PART, a.name + ": CPU to ready, of which JIT compiler threads", a.jitToReadyS * 1000, "ms");
            report.add(PART, a.name + ": RSS idle", a.idleRssKb / 1024.0, "MB", "< 200 MB", a.idleRssKb > 0 && a.idleRssKb / 1024.0 < 200);
            report.add(PART, a.name + ": RSS peak under the rush", a.rushPeakRssKb / 1024.0, "MB");
        }
    }

    @Override
    void describe(Report r) {
        r.line("## 4. Footprint");
        r.line("");
        r.line("Start to ready: from spawning `java -jar quarkus-run.jar` (launcher code, dev profile as `./run`) until "
                + "`/q/health/ready` is UP (polled every 250 ms, so up to 250 ms coarse); the applications start one after "
                + "the other. RSS: `/proc/<pid>/status` VmRSS of the application's JVM, %d s after the last one was ready "
                + "(idle), and the peak sampled every 100 ms during the rush. Each application runs with the JVM options "
                + "production gives it (`JDK_JAVA_OPTIONS` of `k8s/base/apps/<app>/configmap.yaml`):", o.idleSettleSeconds());
        r.line("");
        for (Stage.AppInfo a : stage.apps().values()) {
            r.line("- %s: `%s`", a.name, a.jvmOptions.isEmpty() ? "(JVM defaults)" : String.join(" ", a.jvmOptions));
        }
        r.line("");
        r.table(PART);
        r.line("What each JVM held when its idle RSS was read, from its performance counters (`jcmd <pid> PerfCounter.print`, "
                + "no JVM option needed): the heap committed and used, the metaspace committed (class space included), "
                + "the compiled code, the classes loaded (of them, from the class-data sharing archives) and the live "
                + "threads. *Anonymous*: the RSS that is not mapped from a file (`RssAnon`).");
        r.line("");
        r.line("| application | RSS idle (MB) | anonymous | heap committed / used | metaspace | compiled code | classes (shared) | threads |");
        r.line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Stage.AppInfo a : stage.apps().values()) {
            JvmMemory m = a.idleMemory;
            if (m != null) {
                r.line("| %s | %.0f | %.0f | %.0f / %.0f | %.0f | %.0f | %,d (%,d) | %d |", a.name, a.idleRssKb / 1024.0,
                        a.idleAnonKb / 1024.0, m.heapCommittedMb(), m.heapUsedMb(), m.metaspaceMb(), m.compiledCodeMb(),
                        m.classes(), m.sharedClasses(), m.threads());
            }
        }
        r.line("");
    }
}
