package cn.hkmo.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke run of the bench (`bench/run.sh --smoke`): the whole harness with tiny sizes against a private platform
 * and the packaged appointment-service, eligibility-service and gateway. Proves it still executes, not the figures.
 * Runs in `./mvnw verify` (phase integration-test); wrk, nginx and pgbench are used when installed.
 */
class BenchSmokeIT {

    @Test
    void theHarnessRunsEveryPartAndWritesTheReport() throws Exception {
        Path root = Options.findRepoRoot();
        Options o = Options.smoke(root.resolve("bench/target/smoke"), root);
        Bench.Result result = new Bench(o).run();

        assertThat(result.failures()).as("harness failures").isEmpty();
        assertThat(Files.readString(result.resultsMd())).contains("# Bench results", "## 1. Booking rush",
                "## 2. Gateway hop", "## 3. Event latency", "## 4. Footprint", "## 5. Rules engine",
                "### Where the rush's CPU goes", "**appointment-service** (", "**gateway** (")
                .containsPattern("the JIT compiled \\d+ methods in \\d+\\.\\d s");
        assertThat(root.resolve("bench/target/profiles/appointment-service-rush.jfr")).isNotEmptyFile();
        assertThat(o.out().resolve("results.csv")).exists();
        Map<String, Double> figures = result.report().rows().stream()
                .collect(Collectors.toMap(r -> r.part() + "/" + r.metric(), Report.Row::value, (a, b) -> a));
        // correctness of the rush is asserted even in the smoke: exactly k booked, N-k SLOT_FULL
        assertThat(figures.get("1 booking rush/201 booked")).isEqualTo((double) o.capacity());
        assertThat(figures.get("1 booking rush/409 SLOT_FULL")).isEqualTo((double) (o.citizens() - o.capacity()));
        assertThat(figures.get("1 booking rush/other outcomes")).isZero();
        assertThat(figures.get("3 event latency/eligibility-service: events applied / booked")).isEqualTo((double) o.events());
        assertThat(figures.get("2 gateway hop/gateway: throughput (" + o.wrkConnections() + " connections)")).isPositive();
        assertThat(figures.keySet()).anyMatch(k -> k.startsWith("5 rules engine/in-process (JMH"));
        assertThat(figures.get("5 rules engine/HTTP gateway (" + o.rulesHttpConcurrency() + " clients)")).isPositive();
        assertThat(figures.get("4 footprint/gateway: RSS idle")).isPositive();
    }
}
