package com.callflowrules.decision;

import com.callflowrules.facts.CallEvent;
import com.callflowrules.rules.RuleBase;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The decisions one rule-base snapshot has made, by their whole input. A decision is a pure
 * function of the snapshot, the event and the facts (the rule guard refuses clocks and
 * randomness), so equal inputs may be answered from here. Nothing here can be stale: a changed
 * hierarchy object or meeting is a different key, and a swapped rule base gets a new, empty cache.
 * Bounded; the least useful entries are dropped first.
 */
final class DecisionCache {

    private record Key(CallEvent event, CallFacts facts) {}

    private final RuleBase ruleBase;
    private final Cache<Key, Decision> decisions;
    private final LongAdder hits;
    private final LongAdder misses;

    DecisionCache(RuleBase ruleBase, long maximumSize, LongAdder hits, LongAdder misses) {
        this.ruleBase = ruleBase;
        // upkeep on the caller's thread, not a common-pool wake-up per write (as hierarchy.CachedNodes)
        this.decisions = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(maximumSize)
                .build();
        this.hits = hits;
        this.misses = misses;
    }

    RuleBase ruleBase() {
        return ruleBase;
    }

    /** The cached decision for these inputs, else {@code decide}'s, kept. Failures are not kept. */
    Decision get(CallEvent event, CallFacts facts, Supplier<Decision> decide) {
        Key key = new Key(event, facts);
        Decision cached = decisions.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        // Not computed inside the cache's lock: a rare duplicate evaluation beats blocking a bin.
        Decision decision = decide.get();
        decisions.put(key, decision);
        return decision;
    }
}
