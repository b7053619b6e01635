package com.callflowrules.bench;

import com.callflowrules.baseline.BenchmarkInputs;
import com.callflowrules.baseline.PlainJavaDecider;
import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.AdmissionRequested;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.support.Hierarchy;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process decisions with the shipped rules beside a plain-Java implementation of the same
 * routing and merge (the floor). Run with the command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    private static final CallArrived ARRIVAL = new CallArrived(Hierarchy.NUMBER, "15550009999");
    private static final AccessCodeEntered CODE = new AccessCodeEntered(BenchmarkInputs.CODE, 0);

    private static final AdmissionRequested ADMISSION = new AdmissionRequested(30);

    /** The rules deciding every time: the decision cache is off. */
    private DecisionEngine engine;
    /** As the service runs: decisions cached per rule-base snapshot. */
    private DecisionEngine cachingEngine;

    private PlainJavaDecider baseline;

    @Setup
    public void setUp() {
        RuleBaseHolder ruleBases =
                new RuleBaseHolder(DecisionEngine.loader(), Path.of(System.getProperty("rules.dir", "rules")));
        engine = new DecisionEngine(ruleBases, 0);
        cachingEngine = new DecisionEngine(ruleBases, DecisionEngine.DEFAULT_CACHE_SIZE);
        baseline = new PlainJavaDecider(engine.ruleBase().callFlows());
    }

    @Benchmark
    public Decision callArrivalRules() {
        return engine.decide(ARRIVAL, BenchmarkInputs.ARRIVAL);
    }

    /**
     * A repeated arrival answered by the decision cache. The event and facts are built anew each
     * time from the same hierarchy objects, as call control builds them from its hierarchy cache.
     */
    @Benchmark
    public Decision callArrivalCached() {
        CallFacts facts = BenchmarkInputs.ARRIVAL;
        return cachingEngine.decide(
                new CallArrived(Hierarchy.NUMBER, "15550009999"),
                CallFacts.dialed(facts.did(), facts.didGroup(), facts.account()));
    }

    @Benchmark
    public Decision callArrivalPlainJava() {
        return baseline.arrive(BenchmarkInputs.ARRIVAL);
    }

    @Benchmark
    public Decision accessCodeRules() {
        return engine.decide(CODE, BenchmarkInputs.CODE_ENTRY);
    }

    /** A waiting participant is checked again after a host started the meeting: JOIN. */
    @Benchmark
    public Decision admissionRules() {
        return engine.decide(ADMISSION, BenchmarkInputs.ADMISSION);
    }

    /** The same admission, hand-written (the floor). */
    @Benchmark
    public Decision admissionPlainJava() {
        return baseline.admit(BenchmarkInputs.ADMISSION);
    }

    /** A repeated code entry answered by the decision cache (facts built anew, as in {@link #callArrivalCached}). */
    @Benchmark
    public Decision accessCodeCached() {
        CallFacts facts = BenchmarkInputs.CODE_ENTRY;
        return cachingEngine.decide(
                new AccessCodeEntered(BenchmarkInputs.CODE, 0),
                CallFacts.dialed(facts.did(), facts.didGroup(), facts.account())
                        .withRoomsWithCode(facts.roomsWithCode())
                        .withMeetings(facts.meetings()));
    }

    @Benchmark
    public Decision accessCodePlainJava() {
        return baseline.enterKnownCode(BenchmarkInputs.CODE_ENTRY, BenchmarkInputs.CODE);
    }
}
