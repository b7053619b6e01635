package com.callflowrules.bench;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.scenario.ScenarioGate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One build of the shipped rules as a reload does it: compile, the allow-list check of the
 * generated classes, instrumentation, the arrival probe; and the same with the scenario gate.
 * Single-shot: each iteration is one whole build in a warm JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleBaseBuildBenchmark {

    private final Path rules = Path.of(System.getProperty("rules.dir", "rules"));
    private final RuleBaseLoader loader = DecisionEngine.loader();
    private final RuleBaseLoader gated =
            DecisionEngine.loader().withChecks(List.of(new ScenarioGate(rules.resolve("scenarios"))));

    @Benchmark
    public RuleBase buildShippedRules() {
        return loader.load(rules);
    }

    @Benchmark
    public RuleBase buildShippedRulesWithScenarioGate() {
        return gated.load(rules);
    }
}
