package com.callflowrules.decision;

import com.callflowrules.facts.CallEvent;
import com.callflowrules.rules.RuleBaseHolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer metrics of the engine: {@code callflow.decisions} by flow, action and reason;
 * {@code callflow.decision.latency} by event; {@code callflow.decision.failures} by event;
 * {@code callflow.decisions.cache} by result (hit or miss); and
 * {@code callflow.rules.reloads} by result (clean or refused).
 */
final class DecisionMetrics implements DecisionObserver {

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Class<?>, Timer> latencies = new ConcurrentHashMap<>();

    DecisionMetrics(MeterRegistry registry, RuleBaseHolder ruleBases, DecisionEngine engine) {
        this.registry = registry;
        FunctionCounter.builder("callflow.decisions.cache", engine, DecisionEngine::cacheHits)
                .description("decisions answered from the decision cache (hit) or made by the rules (miss)")
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder("callflow.decisions.cache", engine, DecisionEngine::cacheMisses)
                .description("decisions answered from the decision cache (hit) or made by the rules (miss)")
                .tag("result", "miss")
                .register(registry);
        ruleBases.addListener(result -> Counter.builder("callflow.rules.reloads")
                .description("rule base builds from disk, by result")
                .tag("result", result.clean() ? "clean" : "refused")
                .register(registry)
                .increment());
    }

    @Override
    public void decided(CallEvent event, Decision decision, long nanos) {
        // Meters are looked up once per tag set: building and registering one per decision showed in profiles.
        counters.computeIfAbsent(
                        List.of(
                                decision.callFlow() == null
                                        ? "none"
                                        : decision.callFlow().name(),
                                decision.action().name(),
                                decision.reason() == null
                                        ? "none"
                                        : decision.reason().name()),
                        tags -> Counter.builder("callflow.decisions")
                                .description("decisions made, by call flow, action and reason")
                                .tag("flow", tags.get(0))
                                .tag("action", tags.get(1))
                                .tag("reason", tags.get(2))
                                .register(registry))
                .increment();
        latency(event).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(CallEvent event, RuntimeException failure, long nanos) {
        // Tagged with what an operator needs to find the rule: the version and the last rule fired.
        DecisionException decisionFailure = failure instanceof DecisionException d ? d : null;
        List<String> last = decisionFailure == null ? List.of() : decisionFailure.lastRulesFired();
        Counter.builder("callflow.decision.failures")
                .tag("event", event.getClass().getSimpleName())
                .tag("kind", decisionFailure == null ? "error" : decisionFailure.kind())
                .tag(
                        "rule_base_version",
                        decisionFailure == null || decisionFailure.ruleBaseVersion() == null
                                ? "unknown"
                                : decisionFailure.ruleBaseVersion())
                .tag("last_rule", last.isEmpty() ? "none" : last.get(last.size() - 1))
                .register(registry)
                .increment();
        latency(event).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer latency(CallEvent event) {
        return latencies.computeIfAbsent(
                event.getClass(),
                type -> Timer.builder("callflow.decision.latency")
                        .description("time to decide one event")
                        .tag("event", type.getSimpleName())
                        .publishPercentiles(0.5, 0.99)
                        .register(registry));
    }
}
