package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.facts.CallArrived;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's decision cache answers equal inputs only, per rule-base snapshot, and keeps no failure. */
class DecisionCacheTest {

    @TempDir
    Path dir;

    private static final CallArrived ARRIVAL = new CallArrived(Hierarchy.NUMBER, "15550009999");

    @Test
    void equalInputsAreAnsweredFromTheCache() {
        DecisionEngine engine = new DecisionEngine(
                new RuleBaseHolder(DecisionEngine.loader(), RulesCopy.of(dir).root()));
        Hierarchy hierarchy = Hierarchy.account("secured");

        Decision first = engine.decide(ARRIVAL, hierarchy.facts());
        Decision again = engine.decide(new CallArrived(Hierarchy.NUMBER, "15550009999"), hierarchy.facts());

        assertThat(again).isSameAs(first);
        assertThat(engine.cacheHits()).isEqualTo(1);
        assertThat(engine.cacheMisses()).isEqualTo(1);
    }

    @Test
    void aChangedFactIsAnotherKey() {
        DecisionEngine engine = new DecisionEngine(
                new RuleBaseHolder(DecisionEngine.loader(), RulesCopy.of(dir).root()));
        Hierarchy hierarchy = Hierarchy.account("secured");
        engine.decide(ARRIVAL, hierarchy.facts());

        Decision changed = engine.decide(
                ARRIVAL,
                hierarchy.withDidProperties(Map.of("conference_moh", "jazz")).facts());

        assertThat(changed.properties()).containsEntry("conference_moh", "jazz");
        assertThat(engine.cacheHits()).isZero();
    }

    @Test
    void aSwappedRuleBaseDecidesAnew() {
        RulesCopy rules = RulesCopy.of(dir);
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        DecisionEngine engine = new DecisionEngine(holder);
        Hierarchy hierarchy = Hierarchy.account("secured");
        Decision before = engine.decide(ARRIVAL, hierarchy.facts());
        rules.write(
                "call-flows/secured.yaml",
                rules.read("call-flows/secured.yaml").replace("properties: {}", "properties: {did_language: de_DE}"));
        holder.reload();

        Decision after = engine.decide(ARRIVAL, hierarchy.facts());

        assertThat(before.properties()).containsEntry("did_language", "en_US");
        assertThat(after.properties()).containsEntry("did_language", "de_DE");
        assertThat(after.ruleBaseVersion())
                .isEqualTo(holder.current().version())
                .isNotEqualTo(before.ruleBaseVersion());
        assertThat(engine.cacheHits()).isZero();
    }

    @Test
    void aFailedDecisionIsNotKept() {
        RulesCopy rules = RulesCopy.of(dir);
        // two verdicts for one caller's arrivals: those decisions fail as a conflict
        rules.write("conflict.drl", """
                package callflow;
                import com.callflowrules.facts.*;
                rule "conflict: a second verdict"
                    ruleflow-group "verdict"
                when
                    CallArrived(numberSrc == "15550006666")
                then
                    insert(Verdict.of(Action.DROP, Reason.NOT_ALLOWED));
                end
                """);
        DecisionEngine engine = new DecisionEngine(new RuleBaseHolder(DecisionEngine.loader(), rules.root()));

        CallArrived failing = new CallArrived(Hierarchy.NUMBER, "15550006666");

        assertThatThrownBy(
                        () -> engine.decide(failing, Hierarchy.account("open").facts()))
                .isInstanceOf(DecisionException.class);
        assertThatThrownBy(
                        () -> engine.decide(failing, Hierarchy.account("open").facts()))
                .isInstanceOf(DecisionException.class);
        assertThat(engine.cacheHits()).isZero();
    }

    @Test
    void sizeZeroTurnsTheCacheOff() {
        DecisionEngine engine = new DecisionEngine(
                new RuleBaseHolder(DecisionEngine.loader(), RulesCopy.of(dir).root()), 0);

        Decision first = engine.decide(ARRIVAL, Hierarchy.account("secured").facts());
        Decision again = engine.decide(ARRIVAL, Hierarchy.account("secured").facts());

        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(engine.cacheHits()).isZero();
        assertThat(engine.cacheMisses()).isZero();
    }
}
