package cn.hkmo.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.net.http.HttpRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Part 5, the rules engine: {@code EligibilityRules.assess} in-process under JMH ({@link RulesBenchmark}), then
 * {@code POST /api/v1/eligibility/assessments} with the same body over HTTP, direct and through the gateway.
 */
final class RulesThroughput extends BenchPart {

    static final String PART = "5 rules engine";

    RulesThroughput(Options options, Stage stage, BookingDay day, Findings findings) {
        super(options, stage, day, findings);
    }

    void run() throws Exception {
        Report report = findings.report;
        // in-process, JMH
        findings.load("rules (JMH)");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RulesBenchmark.class.getName())
                .forks(o.jmhForks())
                .warmupIterations(o.jmhWarmups()).warmupTime(o.smoke() ? TimeValue.milliseconds(200) : TimeValue.seconds(o.jmhSeconds()))
                .measurementIterations(o.jmhIterations()).measurementTime(o.smoke() ? TimeValue.milliseconds(300) : TimeValue.seconds(o.jmhSeconds()))
                .threads(1)
                .shouldFailOnError(true)
                .build()).run();
        Map<String, Double> jmh = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            jmh.put(name, r.getPrimaryResult().getScore());
            report.add(PART, "in-process (JMH, 1 thread): " + name, r.getPrimaryResult().getScore(), "assessments/s");
        }
        // through HTTP: direct to eligibility-service and through the gateway (anonymous, birth date in the body)
        findings.load("rules (HTTP)");
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("direct", stage.url("eligibility-service"));
        targets.put("gateway", stage.url("gateway"));
        // The gateway admits POST /eligibility/assessments only with a token, so both runs carry the same citizen's
        // token: the service then assesses that citizen (resident ID from the token), as RulesEngine.citizen does.
        String token = stage.keycloak().token(day.rushCitizens.get(0).username(), Keycloak.PASSWORD);
        for (var t : targets.entrySet()) {
            Supplier<HttpRequest> req = () -> Http.request(t.getValue() + "/api/v1/eligibility/assessments")
                    .header("authorization", "Bearer " + token)
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(RulesEngine.BODY)).build();
            Load.closedFor(req, o.rulesHttpConcurrency(), Math.max(1000, o.rulesHttpSeconds() * 300L)); // warm-up
            Load.Run run = Load.closedFor(req, o.rulesHttpConcurrency(), o.rulesHttpSeconds() * 1000L);
            if (run.count(200) != run.samples().size()) {
                throw new IllegalStateException("assessments over HTTP: " + run.outcomes());
            }
            report.add(PART, "HTTP " + t.getKey() + " (" + o.rulesHttpConcurrency() + " clients)", run.perSecond(), "assessments/s");
            report.add(PART, "HTTP " + t.getKey() + " latency p50", run.latency().p50Ms(), "ms");
            if (t.getKey().equals("direct") && jmh.containsKey("jsonInJsonOut")) {
                report.add(PART, "HTTP direct / in-process JSON-in-JSON-out", run.perSecond() / jmh.get("jsonInJsonOut"), "ratio");
            }
        }
    }

    @Override
    void describe(Report r) {
        r.line("## 5. Rules engine");
        r.line("");
        r.line("`EligibilityRules.assess` in-process under JMH (`RulesBenchmark`: `engine` = the request already mapped; "
                + "`jsonInJsonOut` = parse the HTTP body, map it as the service does, assess, write JSON), and "
                + "`POST /api/v1/eligibility/assessments` with the same body over HTTP, direct and through the gateway.");
        r.line("");
        r.table(PART);
    }
}
