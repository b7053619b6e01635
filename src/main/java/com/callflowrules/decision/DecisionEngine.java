package com.callflowrules.decision;

import com.callflowrules.facts.CallEvent;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.rules.Evaluation;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.rules.RuleEvaluationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The public Java API: {@link #decide(CallEvent, CallFacts)} turns an event and the facts about
 * its call into a {@link Decision}. Every decision is made by the rules of one rule-base
 * snapshot; Java only gathers the facts and reads the results. Thread-safe.
 */
public final class DecisionEngine {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DecisionEngine.class);

    /** How many decisions are cached per rule-base snapshot unless told otherwise. */
    public static final long DEFAULT_CACHE_SIZE = 10_000;

    private final RuleBaseHolder ruleBases;
    private final List<DecisionObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long cacheSize;
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private volatile DecisionCache cache;

    public DecisionEngine(RuleBaseHolder ruleBases) {
        this(ruleBases, DEFAULT_CACHE_SIZE);
    }

    /** An engine caching up to {@code cacheSize} decisions per rule-base snapshot (0: none). */
    public DecisionEngine(RuleBaseHolder ruleBases, long cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("decision cache size must not be negative, was " + cacheSize);
        }
        this.ruleBases = ruleBases;
        this.cacheSize = cacheSize;
    }

    /** An engine over the rules in {@code rulesDir}; throws {@code RuleBaseException} when they do not build. */
    public static DecisionEngine forRulesDirectory(Path rulesDir) {
        return new DecisionEngine(new RuleBaseHolder(loader(), rulesDir));
    }

    /** An engine that decides with {@code ruleBase} only, uncached (a candidate under test, a scenario gate). */
    public static DecisionEngine over(RuleBase ruleBase) {
        return new DecisionEngine(RuleBaseHolder.fixed(ruleBase), 0);
    }

    /** The loader every engine uses: compiled rules must also pass the {@link ArrivalProbe}. */
    public static RuleBaseLoader loader() {
        return new RuleBaseLoader(List.of(new ArrivalProbe()));
    }

    /** Decides {@code event}; throws {@link DecisionException} when the rules give no single verdict. */
    public Decision decide(CallEvent event, CallFacts facts) {
        if (observers.isEmpty()) {
            return cachedDecide(event, facts);
        }
        long start = System.nanoTime();
        try {
            Decision decision = cachedDecide(event, facts);
            long nanos = System.nanoTime() - start;
            observers.forEach(o -> o.decided(event, decision, nanos));
            return decision;
        } catch (RuntimeException e) {
            long nanos = System.nanoTime() - start;
            observers.forEach(o -> o.failed(event, e, nanos));
            throw e;
        }
    }

    /** Decisions answered from the cache since start. */
    public long cacheHits() {
        return cacheHits.sum();
    }

    /** Decisions the rules had to make since start, the cache being on but not holding them. */
    public long cacheMisses() {
        return cacheMisses.sum();
    }

    private Decision cachedDecide(CallEvent event, CallFacts facts) {
        RuleBase ruleBase = ruleBases.current();
        if (cacheSize == 0) {
            return decide(ruleBase, event, facts);
        }
        DecisionCache decisions = cache;
        if (decisions == null || decisions.ruleBase() != ruleBase) {
            // A swapped rule base starts empty: no decision of another version is ever served.
            decisions = new DecisionCache(ruleBase, cacheSize, cacheHits, cacheMisses);
            cache = decisions;
        }
        return decisions.get(event, facts, () -> decide(ruleBase, event, facts));
    }

    /** Adds an observer told of every decision (metrics, for one). */
    public void addObserver(DecisionObserver observer) {
        observers.add(observer);
    }

    /**
     * Decides {@code event} with {@code ruleBase} rather than the running one (a what-if against a
     * rule release that does not run), uncached and unobserved; {@link DecisionException} as
     * {@link #decide(CallEvent, CallFacts)}.
     */
    public Decision decideWith(RuleBase ruleBase, CallEvent event, CallFacts facts) {
        return decide(ruleBase, event, facts);
    }

    /** Decides {@code event} with a given snapshot. */
    static Decision decide(RuleBase ruleBase, CallEvent event, CallFacts facts) {
        Evaluation evaluation;
        try {
            evaluation = ruleBase.evaluate(facts(event, facts, ruleBase));
        } catch (RuleEvaluationException e) {
            log.warn(
                    "rule base {} could not decide {}: {} (last rules fired: {})",
                    e.ruleBaseVersion(),
                    event,
                    e.getMessage(),
                    e.lastRulesFired());
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
            if (facts.room() == null
                    || !room.meetingRoomSid().equals(facts.room().meetingRoomSid())) {
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
