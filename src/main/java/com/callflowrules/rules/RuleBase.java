package com.callflowrules.rules;

import com.callflowrules.hierarchy.CallFlow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * An immutable, versioned snapshot of the rule base: the compiled rules, the call-flow
 * definitions, the files they came from and a content hash. Safe to use from many threads.
 */
public final class RuleBase {

    private final KieBase kieBase;
    private final KieSessionsPool pool;
    private final String version;
    private final Instant loadedAt;
    private final List<String> files;
    private final Map<String, CallFlow> flowsBySid;
    private final Map<String, CallFlow> flowsByName;
    private final List<RuleMessage> warnings;

    RuleBase(KieBase kieBase, String version, Instant loadedAt, List<String> files,
            Map<String, CallFlow> flowsBySid, Map<String, CallFlow> flowsByName, List<RuleMessage> warnings) {
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
        this.version = version;
        this.loadedAt = loadedAt;
        this.files = List.copyOf(files);
        this.flowsBySid = Map.copyOf(flowsBySid);
        this.flowsByName = Map.copyOf(flowsByName);
        this.warnings = List.copyOf(warnings);
    }

    /** The content hash of every rule and definition file: equal files, equal version. */
    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** The files compiled into this snapshot, relative to the rules directory, sorted. */
    public List<String> files() {
        return files;
    }

    /** Compiler warnings that did not refuse the build. */
    public List<RuleMessage> warnings() {
        return warnings;
    }

    /** The call flows, sorted by name. */
    public List<CallFlow> callFlows() {
        return flowsByName.values().stream().sorted(java.util.Comparator.comparing(CallFlow::name)).toList();
    }

    public Optional<CallFlow> callFlowBySid(String sid) {
        return Optional.ofNullable(flowsBySid.get(sid));
    }

    public Optional<CallFlow> callFlowByName(String name) {
        return Optional.ofNullable(flowsByName.get(name));
    }

    /**
     * Runs the rules over {@code facts} in a stateful session borrowed from this snapshot's pool
     * (reset when it goes back) and returns what the rules inserted and which rules fired.
     */
    public Evaluation evaluate(Collection<?> facts) {
        KieSession session = pool.newKieSession();
        Recorder recorder = new Recorder();
        session.addEventListener(recorder.agenda);
        session.addEventListener(recorder.runtime);
        try {
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } catch (RuntimeException e) {
            String rule = recorder.current == null ? "(none)" : recorder.current;
            throw new RuleEvaluationException("rule '" + rule + "' failed in rule base " + version + ": "
                    + rootMessage(e), e);
        } finally {
            session.removeEventListener(recorder.agenda);
            session.removeEventListener(recorder.runtime);
            session.dispose();
        }
        return new Evaluation(recorder.inserted, List.copyOf(recorder.fired), version);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Per-evaluation listener: collects rule-inserted facts and fired rule names. */
    private static final class Recorder {
        final List<Object> inserted = new ArrayList<>();
        final Set<String> fired = new LinkedHashSet<>();
        String current;

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                current = event.getMatch().getRule().getName();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    inserted.add(event.getObject());
                }
            }
        };
    }
}
