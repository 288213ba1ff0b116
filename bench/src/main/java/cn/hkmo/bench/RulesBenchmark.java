package cn.hkmo.bench;

import cn.hkmo.eligibility.rules.Assessment;
import cn.hkmo.eligibility.rules.AssessmentRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** JMH: eligibility assessments per second in-process, the engine alone and with the JSON the REST layer adds. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RulesBenchmark {

    private RulesEngine engine;
    private AssessmentRequest request;

    @Setup
    public void setUp() {
        engine = new RulesEngine();
        request = engine.request(engine.body(RulesEngine.BODY));
    }

    /** {@code EligibilityRules.assess} on a request already mapped. */
    @Benchmark
    public Assessment engine() {
        return engine.assess(request);
    }

    /** Parse the HTTP body, map it as the service does, assess, write the answer as JSON. */
    @Benchmark
    public String jsonInJsonOut() {
        return engine.assessJson(RulesEngine.BODY);
    }
}
