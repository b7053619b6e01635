package com.callflowrules.rules;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the decision budget costs per check, with a budget open on the thread as during a
 * decision: {@code tick} (added at the start of every generated method), {@code allocated}
 * (added after every growing call in author code: a thread-local read and the JVM's per-thread
 * allocation counter), and that counter alone.
 */
@State(Scope.Thread)
public class RuleBudgetBenchmark {

    private RuleBudget budget;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Setup
    public void open() {
        // bounds no benchmark reaches: the check runs, the failure never does
        budget = RuleBudget.start(new DecisionBounds(Integer.MAX_VALUE, Duration.ofDays(1), Long.MAX_VALUE / 2));
    }

    @TearDown
    public void close() {
        budget.end();
    }

    @Benchmark
    public void tick() {
        RuleBudget.tick();
    }

    @Benchmark
    public void allocated() {
        RuleBudget.allocated();
    }

    @Benchmark
    public long threadAllocatedBytes() {
        return threads.getCurrentThreadAllocatedBytes();
    }
}
