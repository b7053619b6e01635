package com.callflowrules.decision;

import com.callflowrules.rules.RuleBaseHolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer metrics of the engine: {@code callflow.decisions} by flow, action and reason;
 * {@code callflow.decision.latency} by event; {@code callflow.decision.failures} by event;
 * {@code callflow.decisions.cache} by result (hit or miss); and
 * {@code callflow.rules.reloads} by result (clean or refused).
 */
final class DecisionMetrics implements DecisionObserver {

    private final MeterRegistry registry;

    DecisionMetrics(MeterRegistry registry, RuleBaseHolder ruleBases, DecisionEngine engine) {
        this.registry = registry;
        FunctionCounter.builder("callflow.decisions.cache", engine, DecisionEngine::cacheHits)
                .description("decisions answered from the decision cache (hit) or made by the rules (miss)")
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("callflow.decisions.cache", engine, DecisionEngine::cacheMisses)
                .description("decisions answered from the decision cache (hit) or made by the rules (miss)")
                .tag("result", "miss").register(registry);
        ruleBases.addListener(result -> Counter.builder("callflow.rules.reloads")
                .description("rule base builds from disk, by result")
                .tag("result", result.clean() ? "clean" : "refused")
                .register(registry).increment());
    }

    @Override
    public void decided(CallEvent event, Decision decision, long nanos) {
        Counter.builder("callflow.decisions")
                .description("decisions made, by call flow, action and reason")
                .tag("flow", decision.callFlow() == null ? "none" : decision.callFlow().name())
                .tag("action", decision.action().name())
                .tag("reason", decision.reason() == null ? "none" : decision.reason().name())
                .register(registry).increment();
        latency(event).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(CallEvent event, RuntimeException failure, long nanos) {
        Counter.builder("callflow.decision.failures").tag("event", event.getClass().getSimpleName()).register(registry).increment();
        latency(event).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer latency(CallEvent event) {
        return Timer.builder("callflow.decision.latency")
                .description("time to decide one event")
                .tag("event", event.getClass().getSimpleName())
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }
}
