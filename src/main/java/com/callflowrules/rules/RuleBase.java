package com.callflowrules.rules;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.PropertyReads;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * An immutable, versioned snapshot of the rule base: the compiled rules, the call-flow
 * definitions, the files they came from and a content hash. Safe to use from many threads.
 */
public final class RuleBase {

    /** Agenda-group names from the first phase to the last. */
    private static final String[] PHASES_IN_ORDER =
            Phase.inOrder().stream().map(Phase::groupName).toArray(String[]::new);

    private final KieBase kieBase;
    private final KieSessionsPool pool;
    private final String version;
    private final Instant loadedAt;
    private final List<String> files;
    private final Map<String, CallFlow> flowsBySid;
    private final Map<String, CallFlow> flowsByName;
    private final List<RuleMessage> warnings;
    private final DecisionBounds bounds;
    private final RuleSourceIndex sources;
    private final java.nio.file.Path directory;
    /** The property schema this rule base was built with, a fact of every decision. */
    private final PropertyReads reads;

    RuleBase(
            KieBase kieBase,
            String version,
            Instant loadedAt,
            List<String> files,
            Map<String, CallFlow> flowsBySid,
            Map<String, CallFlow> flowsByName,
            List<RuleMessage> warnings,
            DecisionBounds bounds,
            RuleSourceIndex sources,
            java.nio.file.Path directory,
            PropertyReads reads) {
        this.kieBase = kieBase;
        this.reads = reads;
        this.directory = directory;
        this.sources = sources;
        this.bounds = bounds;
        this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
        this.version = version;
        this.loadedAt = loadedAt;
        this.files = List.copyOf(files);
        this.flowsBySid = Map.copyOf(flowsBySid);
        this.flowsByName = Map.copyOf(flowsByName);
        this.warnings = List.copyOf(warnings);
    }

    /** The compiled rules, shared by snapshots whose rule files are equal. */
    KieBase kieBase() {
        return kieBase;
    }

    /**
     * The content hash of every rule, definition and scenario file: equal files, equal version.
     * A rule release is named by it.
     */
    public String version() {
        return version;
    }

    /** The directory this snapshot was built from (its scenarios are under {@code scenarios/}). */
    public java.nio.file.Path directory() {
        return directory;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** The files compiled into this snapshot, relative to the rules directory, sorted. */
    public List<String> files() {
        return files;
    }

    /**
     * A message about rule {@code rule} at the file and line it is written, so a check that ran
     * the rules (the arrival probe) can point at the rule that failed; {@code null} when the rule
     * is not one of this snapshot's.
     */
    public RuleMessage atRule(String rule, String reason) {
        RuleSourceIndex.Place place = sources.rule(rule);
        return place == null ? null : new RuleMessage(place.file(), place.line(), "rule \"" + rule + "\": " + reason);
    }

    /** Compiler warnings that did not refuse the build. */
    public List<RuleMessage> warnings() {
        return warnings;
    }

    /** The call flows, sorted by name. */
    public List<CallFlow> callFlows() {
        return flowsByName.values().stream()
                .sorted(java.util.Comparator.comparing(CallFlow::name))
                .toList();
    }

    public Optional<CallFlow> callFlowBySid(String sid) {
        return Optional.ofNullable(flowsBySid.get(sid));
    }

    public Optional<CallFlow> callFlowByName(String name) {
        return Optional.ofNullable(flowsByName.get(name));
    }

    /**
     * Runs the rules over {@code facts} in a stateful session borrowed from this snapshot's pool
     * (reset when it goes back) and returns what the rules inserted and which rules fired. The
     * decision is held to this snapshot's {@link DecisionBounds}; a decision that fails or goes
     * past them throws {@link RuleEvaluationException}; its session is reset before it goes back
     * to the pool either way.
     */
    public Evaluation evaluate(Collection<?> facts) {
        KieSession session = pool.newKieSession();
        RuleBudget budget = RuleBudget.start(bounds);
        EvaluationRecorder recorder = EvaluationRecorder.attach(session, budget);
        boolean clean = false;
        try {
            session.insert(reads);
            for (Object fact : facts) {
                session.insert(fact);
            }
            // The focus is a stack: pushed last to first, the first phase fires first.
            for (int i = PHASES_IN_ORDER.length - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(PHASES_IN_ORDER[i]).setFocus();
            }
            session.fireAllRules();
            clean = budget.exceeded() == null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw failure(budget, recorder, e);
        } finally {
            budget.end();
            recorder.detach();
            // dispose() of a pooled session resets it (facts, agenda, half a decision) and
            // returns it. A failed one must go back too: Drools' pool keeps every session it
            // ever made, so a session left out would keep what the failed decision grew (a
            // rule stopped at the allocation bound holds tens of MB) for the life of the pool.
            disposeAfter(session, clean);
        }
        if (!clean) {
            // Rule code caught the budget's failure and went on: the decision still failed.
            throw failure(budget, recorder, null);
        }
        return new Evaluation(recorder.inserted(), recorder.fired(), version);
    }

    private void disposeAfter(KieSession session, boolean clean) {
        try {
            session.dispose();
        } catch (RuntimeException e) {
            if (clean) {
                throw e;
            }
            // a session the failure left unable to reset stays out of the pool's queue
        }
    }

    private RuleEvaluationException failure(RuleBudget budget, EvaluationRecorder recorder, Throwable e) {
        List<String> last = recorder.last();
        if (budget.exceeded() != null) {
            return new RuleEvaluationException(
                    "decision stopped in rule base " + version + ": it " + budget.exceeded() + "; last rules fired: "
                            + last,
                    e,
                    RuleEvaluationException.Kind.BOUND_EXCEEDED,
                    version,
                    last);
        }
        String rule = recorder.current() == null ? "(none)" : recorder.current();
        return new RuleEvaluationException(
                "rule '" + rule + "' failed in rule base " + version + ": " + rootMessage(e) + "; last rules fired: "
                        + last,
                e,
                RuleEvaluationException.Kind.RULE_ERROR,
                version,
                last);
    }

    private static String rootMessage(Throwable e) {
        if (e == null) {
            return "(no exception)";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
