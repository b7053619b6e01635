package com.callflowrules.scenario;

import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.hierarchy.HierarchyStore;
import com.callflowrules.session.AuditRepository;
import com.callflowrules.session.CallControl;
import com.callflowrules.session.CallRepository;
import com.callflowrules.session.MeetingRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs scenarios through the same code path as the service: the hierarchy is stored, and each
 * step goes through {@link CallControl} (engine and session logic) on a fresh in-memory database
 * with a clock that only the scenario moves.
 */
public final class ScenarioRunner {

    private static final String CALLER_NUMBER = "15550000000";
    /** How long a step of {@code together} may take before the scenario reports it. */
    private static final int TOGETHER_TIMEOUT_SECONDS = 30;

    private final DecisionEngine engine;

    public ScenarioRunner(DecisionEngine engine) {
        this.engine = engine;
    }

    public ScenarioResult run(Scenario scenario) {
        DataSource dataSource = ScenarioDatabases.fresh();
        try {
            return new Run(scenario, dataSource).steps();
        } finally {
            ScenarioDatabases.drop(dataSource);
        }
    }

    /** One run: the store, the names of what the scenario created, and each caller's call. */
    private final class Run {

        private final Scenario scenario;
        private final ScenarioClock clock = new ScenarioClock();
        private final CallControl control;
        private final ScenarioHierarchy hierarchy;
        private final ScenarioChange changes;
        private final ScenarioObservations observations;
        private final Map<String, String> callers = new LinkedHashMap<>();

        Run(Scenario scenario, DataSource dataSource) {
            this.scenario = scenario;
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            HierarchyStore store = HierarchyStore.on(dataSource, clock);
            CallRepository calls = new CallRepository(jdbc);
            MeetingRepository meetings = new MeetingRepository(jdbc);
            control = new CallControl(
                    engine,
                    store.cache(),
                    store.rooms(),
                    calls,
                    meetings,
                    new AuditRepository(jdbc),
                    transactions,
                    clock,
                    event -> {});
            hierarchy = new ScenarioHierarchy(scenario, engine, store);
            changes = new ScenarioChange(scenario, engine, store, hierarchy);
            observations = new ScenarioObservations(calls, meetings, hierarchy::room);
        }

        ScenarioResult steps() {
            List<ScenarioResult.StepResult> results = new ArrayList<>();
            Set<String> names = scenario.steps().stream()
                    .flatMap(step ->
                            java.util.stream.Stream.concat(java.util.stream.Stream.of(step), step.together().stream()))
                    .map(Scenario.Step::caller)
                    .filter(Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            for (Scenario.Step step : scenario.steps()) {
                Map<String, String> observed = new LinkedHashMap<>();
                try {
                    Optional<Decision> decision = apply(step);
                    decision.ifPresent(d -> observations.observe(d, observed));
                    observations.observeCalls(callers, step.caller(), observed);
                } catch (RuntimeException e) {
                    observed.put("error", e.getMessage());
                }
                results.add(new ScenarioResult.StepResult(
                        step, observed, Expectations.compare(step.expect(), observed, names)));
            }
            return new ScenarioResult(scenario, results);
        }

        private Optional<Decision> apply(Scenario.Step step) {
            String callSid;
            synchronized (callers) {
                callSid = callers.get(step.caller());
            }
            if (step.caller() != null && !step.event().equals("arrives") && callSid == null) {
                throw new ScenarioException(
                        scenario.file() + ":" + step.line() + ": " + step.caller() + " has not called yet");
            }
            return switch (step.event()) {
                case "arrives" -> {
                    CallControl.Outcome outcome = control.arrive(step.value(), CALLER_NUMBER);
                    synchronized (callers) {
                        callers.put(step.caller(), outcome.call().callSid());
                    }
                    yield Optional.of(outcome.decision());
                }
                case "enters" ->
                    Optional.of(control.enterCode(callSid, step.value()).decision());
                case "presses" ->
                    Optional.of(control.pressed(callSid, step.value()).decision());
                case "hangs_up" -> Optional.of(control.hangUp(callSid).decision());
                case "change" -> {
                    changes.apply(step);
                    yield Optional.empty();
                }
                case "together" -> {
                    together(step.together());
                    yield Optional.empty();
                }
                default -> {
                    clock.advance(java.time.Duration.ofSeconds(Long.parseLong(step.value())));
                    control.fireDueTimers();
                    yield Optional.empty();
                }
            };
        }

        /**
         * Runs {@code parts} at one moment: each on a thread of its own, released together by a
         * barrier. Every part's failure is reported; none is left running.
         */
        private void together(List<Scenario.Step> parts) {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(parts.size());
            java.util.concurrent.ExecutorService threads =
                    java.util.concurrent.Executors.newFixedThreadPool(parts.size());
            try {
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (Scenario.Step part : parts) {
                    running.add(threads.submit(() -> {
                        start.await(TOGETHER_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
                        return apply(part);
                    }));
                }
                List<String> failures = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    try {
                        running.get(i).get(TOGETHER_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(parts.get(i).caller() + ": " + e.getCause().getMessage());
                    } catch (java.util.concurrent.TimeoutException e) {
                        failures.add(parts.get(i).caller() + ": no answer within " + TOGETHER_TIMEOUT_SECONDS + " s");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failures.add(parts.get(i).caller() + ": interrupted");
                    }
                }
                if (!failures.isEmpty()) {
                    throw new ScenarioException(String.join("; ", failures));
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
