package cn.hkmo.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The harness's parsing, statistics and report code, without servers (phase test). */
class HarnessTest {

    static String fixture(String name) throws IOException {
        try (var in = HarnessTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void wrkLatencyReportIsParsed() throws IOException {
        Wrk.Result r = Wrk.parse(fixture("wrk-latency.txt"), "wrk ...");
        assertThat(r.requestsPerSecond()).isEqualTo(116.08);
        assertThat(r.p50Ms()).isEqualTo(6.68);
        assertThat(r.p99Ms()).isEqualTo(65.92);
        assertThat(r.meanMs()).isEqualTo(11.05);
        assertThat(r.requests()).isEqualTo(118);
        assertThat(r.non2xx()).isZero();
    }

    @Test
    void wrkUnitsAndErrors() {
        String out = """
                Running 10s test @ http://127.0.0.1:1/x
                  2 threads and 32 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency   850.00us    1.00ms  1.20s    90.00%
                  Latency Distribution
                     50%  612.00us
                     75%    1.01ms
                     90%    2.00ms
                     99%    1.10s
                  5000 requests in 10.00s, 1.00MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 7
                Requests/sec:    500.00
                """;
        Wrk.Result r = Wrk.parse(out, "wrk");
        assertThat(r.p50Ms()).isEqualTo(0.612);
        assertThat(r.p99Ms()).isEqualTo(1100.0);
        assertThat(r.meanMs()).isEqualTo(0.85);
        assertThat(r.non2xx()).isEqualTo(7);
        assertThat(r.socketErrors()).isEqualTo(3);
    }

    @Test
    void pgbenchReportAndLogAreParsed() throws IOException {
        List<Long> latencies = Pgbench.parseLog(fixture("pgbench_log.txt"));
        assertThat(latencies).containsExactly(8_619_000L, 10_528_000L, 1_991_000L);
        Pgbench.Result r = Pgbench.parse(fixture("pgbench-out.txt"), latencies, "pgbench");
        assertThat(r.tps()).isEqualTo(180.296372);
        assertThat(r.transactions()).isEqualTo(12);
        assertThat(r.failed()).isZero();
        assertThat(r.latency().p50Ms()).isEqualTo(8.619);
    }

    @Test
    void pgbenchScriptIsTheServiceTransaction() {
        String s = Pgbench.script(new Pgbench.Window("BJ-BENCH", "2026-11-23", "23:30", "23:59", 200), 700, 1600, 900);
        assertThat(s).contains("INSERT INTO idempotency_key", "pg_advisory_xact_lock(hashtextextended('person:'",
                // the locks and the window's counters: one statement, one round trip, as in the service
                "FROM hall LEFT JOIN slot_capacity c ON c.hall_id = hall.id AND c.slot_date = DATE '2026-11-23'"
                        + " AND c.window_start = TIME '23:30'\n  WHERE hall.id = 'BJ-BENCH'\n  AND (SELECT count(*) FROM pg_advisory_xact_lock(",
                ", 0))) = 1 FOR KEY SHARE OF hall) d",
                "status = 'NO_SHOW'",
                "status = 'BOOKED'", "interval '30 days'", "ON CONFLICT DO NOTHING", "AND taken < capacity",
                "INSERT INTO booking", "INSERT INTO outbox_event", "UPDATE idempotency_key", "COMMIT;", "ROLLBACK;",
                "repeat('p', 700)", "repeat('e', 1600)", "\\gset", "\\if :won", "(:cid % 1000000)",
                "d.taken >= d.capacity AND d.expired = 0 \\gset", "\\if :full");
        // the hall and its closures come from the service's snapshot, as long as the revision is the snapshot's
        assertThat(s).doesNotContain("hall_closure");
        // the full window's early ROLLBACK comes before the limits are read, as in the service
        assertThat(s.indexOf("\\if :full")).isLessThan(s.indexOf("status = 'NO_SHOW'"));
    }

    @Test
    void residentIdsHaveTheirCheckCharacter() {
        assertThat(ResidentIds.valid("110105199003071239")).isTrue();   // zhangwei of the realm
        assertThat(ResidentIds.valid("110105199003071238")).isFalse();
        for (int n = 0; n < 3000; n += 7) {
            String id = ResidentIds.benchCitizen(n);
            assertThat(ResidentIds.valid(id)).as(id).isTrue();
            assertThat(id).startsWith("110105");
        }
        assertThat(ResidentIds.benchCitizen(0)).isNotEqualTo(ResidentIds.benchCitizen(900));
    }

    @Test
    void nearestRankPercentiles() {
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) {
            ms[i] = (i + 1) * 1_000_000L;
        }
        Stats s = Stats.ofNanos(ms);
        assertThat(s.p50Ms()).isEqualTo(50.0);
        assertThat(s.p95Ms()).isEqualTo(95.0);
        assertThat(s.p99Ms()).isEqualTo(99.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(Stats.ofNanos(new long[0]).count()).isZero();
    }

    @Test
    void reportWritesMarkdownAndCsv() {
        Report r = new Report();
        r.add("1 rush", "service / ceiling", 0.61, "ratio", ">= 0.50", true);
        r.add("1 rush", "a, b", 1234.5678, "req/s");
        r.line("# t").table("1 rush");
        assertThat(r.markdown()).contains("| service / ceiling | 0.610 | ratio | >= 0.50 | **met** |");
        assertThat(r.csv()).contains("1 rush,service / ceiling,0.610,ratio,>= 0.50,met", "1 rush,\"a, b\",1234.6,req/s,,");
    }

    @Test
    void nginxIsAPlainReverseProxy() {
        String conf = Nginx.config(18090, 18081, 2, Path.of("/tmp/x"));
        assertThat(conf).contains("listen 127.0.0.1:18090", "server 127.0.0.1:18081", "proxy_pass http://service",
                "proxy_http_version 1.1", "keepalive 64");
    }

    @Test
    void rulesEngineAnswersInProcess() {
        RulesEngine engine = new RulesEngine();
        assertThat(engine.assessJson(RulesEngine.BODY)).contains("HK-T");
    }

    @Test
    void smokeOptionsAreTiny() {
        Options o = Options.smoke(Path.of("/tmp/o"), Path.of("/tmp"));
        assertThat(o.citizens() % o.concurrency()).isZero();
        assertThat(o.apps()).contains("appointment-service", "eligibility-service", "gateway");
    }

    @Test
    void theLargeRushIsAnOptionAndTheReportShowsTheCommandAsGiven() {
        Options o = Options.parse(new String[] {"--large-rush", "--out", "/tmp/bench-out"});
        assertThat(o.largeRush()).isTrue();
        assertThat(o.largeCitizens()).isEqualTo(10_000);
        assertThat(o.largeCapacity()).isEqualTo(1_000);
        assertThat(o.out()).isEqualTo(Path.of("/tmp/bench-out"));
        assertThat(o.command()).isEqualTo("bench/run.sh --large-rush --out /tmp/bench-out");
        Options plain = Options.parse(new String[0]);
        assertThat(plain.largeRush()).isFalse();
        assertThat(plain.command()).isEqualTo("bench/run.sh");
        assertThat(Options.parse(new String[] {"--smoke"}).largeRush()).isFalse();
    }

    @Test
    void everyApplicationRunsWithTheJvmOptionsOfItsConfigMap() throws Exception {
        Path root = Options.findRepoRoot();
        for (String app : Options.ALL_APPS) {
            assertThat(Stage.productionJvmOptions(root, app)).as(app)
                    .contains("-XX:+UseSerialGC").anyMatch(opt -> opt.startsWith("-Xmx"))
                    .allMatch(opt -> opt.startsWith("-X") || opt.startsWith("-D"));
        }
        assertThat(Stage.productionJvmOptions(root, "no-such-app")).isEmpty();
    }

    @Test
    void aJvmsCpuIsSplitIntoItsJitItsVmThreadAndTheRest() {
        // this test's own JVM: it has run code (application threads) and compiled some of it (a HotSpot JVM always has)
        var cpu = CpuMeter.threadsOf(ProcessHandle.current().pid());
        assertThat(cpu.keySet()).as("the report's order").containsExactly(CpuMeter.APPLICATION, CpuMeter.JIT, CpuMeter.VM_THREAD);
        assertThat(cpu.get(CpuMeter.APPLICATION)).isPositive();
        assertThat(cpu.values()).allMatch(seconds -> seconds >= 0);
        assertThat(CpuMeter.threadsOf(-1)).isEmpty();
    }

    @Test
    void theWarmUpReadsTheJitsShareOfWhatAJvmSpentBetweenTwoReadings() {
        var before = Map.of(CpuMeter.APPLICATION, 10.0, CpuMeter.JIT, 4.0, CpuMeter.VM_THREAD, 1.0);
        var after = Map.of(CpuMeter.APPLICATION, 13.0, CpuMeter.JIT, 4.9, CpuMeter.VM_THREAD, 1.1);
        assertThat(CpuMeter.jitShare(before, after)).isCloseTo(0.9 / 4.0, within(1e-9));
        assertThat(CpuMeter.jitShare(after, after)).as("a JVM that did nothing").isZero();
        assertThat(CpuMeter.jitShare(Map.of(), Map.of())).as("a JVM gone (threadsOf gave nothing)").isZero();
    }

    @Test
    void whatAJvmHoldsIsReadFromItsPerformanceCounters() throws Exception {
        JvmMemory m = JvmMemory.parse("""
                java.cls.loadedClasses=13142
                java.cls.sharedLoadedClasses=6371
                java.cls.unloadedClasses=96
                java.threads.live=34
                sun.ci.nmethodSize=16777216
                sun.gc.generation.0.capacity=20119552
                sun.gc.generation.0.space.0.used=3649536
                sun.gc.generation.0.space.1.used=819200
                sun.gc.generation.1.capacity=44490752
                sun.gc.generation.1.space.0.used=29666304
                sun.gc.metaspace.capacity=76480512
                sun.os.hrt.frequency=1000000000
                java.property.java.vm.name="OpenJDK 64-Bit Server VM"
                """);
        assertThat(m.heapCommittedMb()).isCloseTo(61.6, within(0.1));
        assertThat(m.heapUsedMb()).isCloseTo(32.5, within(0.1));
        assertThat(m.metaspaceMb()).isCloseTo(72.9, within(0.1));
        assertThat(m.compiledCodeMb()).isEqualTo(16.0);
        assertThat(m.classes()).as("the archive's classes are counted apart, and are loaded classes too").isEqualTo(19_417);
        assertThat(m.sharedClasses()).isEqualTo(6_371);
        assertThat(m.threads()).isEqualTo(34);
        // and from a live JVM, this test's own: no option is needed to read them
        JvmMemory self = JvmMemory.of(ProcessHandle.current().pid());
        assertThat(self.classes()).isPositive();
        assertThat(self.heapCommittedMb()).isPositive();
    }
}
