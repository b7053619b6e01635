package com.callflowrules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every JMH benchmark runs once, briefly, in the suite: a benchmark that no longer builds its
 * state or throws fails here, not in the next sitting. It asserts that each one ran and measured
 * something, never how fast (timings belong in docs/benchmarks.md, measured with JMH's own
 * forks).
 */
class BenchmarkSmokeTest {

    private static final List<String> BENCHMARKS = List.of(
            "com.callflowrules.bench.DecisionBenchmark",
            "com.callflowrules.bench.RuleBaseBuildBenchmark",
            "com.callflowrules.rules.RuleBudgetBenchmark");

    @Test
    void everyBenchmarkRunsOneShortIteration() throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        BENCHMARKS.forEach(name -> options.include(name.replace(".", "\\.") + "\\."));
        Collection<RunResult> results = new Runner(options.forks(0)
                        .warmupIterations(0)
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(100))
                        .shouldFailOnError(true)
                        .build())
                .run();

        assertThat(results.stream().map(r -> r.getParams().getBenchmark().replaceAll("\\.[^.]+$", "")))
                .as("every benchmark class ran")
                .containsAll(BENCHMARKS);
        assertThat(results)
                .as("each benchmark measured something")
                .allSatisfy(
                        r -> assertThat(r.getPrimaryResult().getSampleCount()).isPositive());
    }
}
