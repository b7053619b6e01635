package com.callflowrules.decision;

import com.callflowrules.hierarchy.CallFlow;
import com.callflowrules.rules.Evaluation;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.rules.RuleEvaluationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public Java API: {@link #decide(CallEvent, CallFacts)} turns an event and the facts about
 * its call into a {@link Decision}. Every decision is made by the rules of one rule-base
 * snapshot; Java only gathers the facts and reads the results. Thread-safe.
 */
public final class DecisionEngine {

    private final RuleBaseHolder ruleBases;
    private final List<DecisionObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public DecisionEngine(RuleBaseHolder ruleBases) {
        this.ruleBases = ruleBases;
    }

    /** An engine over the rules in {@code rulesDir}; throws {@code RuleBaseException} when they do not build. */
    public static DecisionEngine forRulesDirectory(Path rulesDir) {
        return new DecisionEngine(new RuleBaseHolder(loader(), rulesDir));
    }

    /** The loader every engine uses: compiled rules must also pass the {@link ArrivalProbe}. */
    public static RuleBaseLoader loader() {
        return new RuleBaseLoader(List.of(new ArrivalProbe()));
    }

    /** Decides {@code event}; throws {@link DecisionException} when the rules give no single verdict. */
    public Decision decide(CallEvent event, CallFacts facts) {
        if (observers.isEmpty()) {
            return decide(ruleBases.current(), event, facts);
        }
        long start = System.nanoTime();
        try {
            Decision decision = decide(ruleBases.current(), event, facts);
            long nanos = System.nanoTime() - start;
            observers.forEach(o -> o.decided(event, decision, nanos));
            return decision;
        } catch (RuntimeException e) {
            long nanos = System.nanoTime() - start;
            observers.forEach(o -> o.failed(event, e, nanos));
            throw e;
        }
    }

    /** Adds an observer told of every decision (metrics, for one). */
    public void addObserver(DecisionObserver observer) {
        observers.add(observer);
    }

    /** Decides {@code event} with a given snapshot. */
    static Decision decide(RuleBase ruleBase, CallEvent event, CallFacts facts) {
        Evaluation evaluation;
        try {
            evaluation = ruleBase.evaluate(facts(event, facts, ruleBase));
        } catch (RuleEvaluationException e) {
            throw new DecisionException("cannot decide " + event + ": " + e.getMessage(), e);
        }
        return DecisionAssembler.assemble(event, facts, evaluation);
    }

    /** The running rule-base snapshot. */
    public RuleBase ruleBase() {
        return ruleBases.current();
    }

    /** The rule-base holder, for reloads and validation. */
    public RuleBaseHolder ruleBases() {
        return ruleBases;
    }

    /** A call flow of the running rule base, by sid or by name. */
    public Optional<CallFlow> callFlow(String sidOrName) {
        RuleBase ruleBase = ruleBases.current();
        return ruleBase.callFlowBySid(sidOrName).or(() -> ruleBase.callFlowByName(sidOrName));
    }

    /** The fact set: the event, the call's own hierarchy objects and live state, and only the flows they name. */
    private static List<Object> facts(CallEvent event, CallFacts facts, RuleBase ruleBase) {
        List<Object> input = new ArrayList<>(8);
        input.add(event);
        addIfPresent(input, facts.did());
        addIfPresent(input, facts.didGroup());
        addIfPresent(input, facts.account());
        addIfPresent(input, facts.room());
        addIfPresent(input, facts.call());
        input.addAll(facts.meetings());
        for (var room : facts.roomsWithCode()) {
            if (facts.room() == null || !room.meetingRoomSid().equals(facts.room().meetingRoomSid())) {
                input.add(room);
            }
        }
        Stream.of(
                        facts.did() == null ? null : facts.did().callFlowSid(),
                        facts.didGroup() == null ? null : facts.didGroup().callFlowSid(),
                        facts.account() == null ? null : facts.account().callFlowSid())
                .filter(sid -> sid != null)
                .distinct()
                .forEach(sid -> ruleBase.callFlowBySid(sid).ifPresent(input::add));
        return input;
    }

    private static void addIfPresent(List<Object> input, Object fact) {
        if (fact != null) {
            input.add(fact);
        }
    }
}
