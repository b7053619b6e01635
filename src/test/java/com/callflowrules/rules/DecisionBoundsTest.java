package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.DtmfPressed;
import com.callflowrules.support.LoopingRule;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions are bounded: a rule that loops by updating its own fact (the common analyst mistake)
 * stops at the firing limit, a decision past its time stops at the deadline, both as a clean
 * failure that names the rule base and the rules last fired, and the next decision is unharmed.
 * A decision that allocates past its bound stops there. A rule base whose arrival probe does not
 * end is refused.
 */
class DecisionBoundsTest {

    @TempDir
    static Path dir;

    private static RulesCopy rules;

    @BeforeAll
    static void rulesWithALoop() {
        rules = RulesCopy.of(dir.resolve("rules")).write("extra/loop.drl", LoopingRule.ON_KEY_PRESS);
    }

    @Test
    void aRuleThatUpdatesItsOwnFactStopsAtTheFiringLimit() {
        RuleBase ruleBase = DecisionEngine.loader()
                .withBounds(new DecisionBounds(500, Duration.ofSeconds(30)))
                .load(rules.root());

        assertThatThrownBy(() -> ruleBase.evaluate(List.of(new DtmfPressed("1"))))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleEvaluationException.Kind.BOUND_EXCEEDED);
                    assertThat(e.getMessage()).contains("fired more than 500 rules", "rule base " + ruleBase.version());
                    assertThat(e.ruleBaseVersion()).isEqualTo(ruleBase.version());
                    assertThat(e.lastRulesFired()).isNotEmpty().allMatch("loop: count forever"::equals);
                });
        // the failed session was discarded: the next decision of the same snapshot is whole
        Evaluation next = ruleBase.evaluate(List.of(new CallArrived("15550001000", "15550009999")));
        assertThat(next.rulesFired()).contains("routing: unknown number").doesNotContain("loop: count forever");
    }

    @Test
    void aDecisionPastItsTimeStopsAtTheDeadline() {
        RuleBase ruleBase = DecisionEngine.loader()
                .withBounds(new DecisionBounds(Integer.MAX_VALUE, Duration.ofMillis(200)))
                .load(rules.root());
        long start = System.nanoTime();

        assertThatThrownBy(() -> ruleBase.evaluate(List.of(new DtmfPressed("1"))))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleEvaluationException.Kind.BOUND_EXCEEDED);
                    assertThat(e.getMessage())
                            .contains("ran longer than 200 ms")
                            .contains("loop: count forever");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("stopped, not run to the end")
                .isLessThan(Duration.ofSeconds(20));
    }

    /** Thirty doublings of a string on a key press: no loop, so only the allocation bound can stop it. */
    private static final String DOUBLING_ON_KEY_PRESS = """
            package callflow;
            import com.callflowrules.facts.*;
            rule "grow: double a string thirty times"
                ruleflow-group "key press"
            when
                DtmfPressed()
            then
                String s = "xxxxxxxxxxxxxxxx";
            """ + "    s = s.concat(s);\n".repeat(30) + """
                insert(MediaStep.play(s, "en"));
            end
            """;

    @Test
    void aDecisionThatAllocatesPastItsBoundStopsThere(@TempDir Path other) {
        RulesCopy growing = RulesCopy.of(other.resolve("rules")).write("extra/grow.drl", DOUBLING_ON_KEY_PRESS);
        long bound = 4L * 1024 * 1024;
        RuleBase ruleBase = DecisionEngine.loader()
                .withBounds(new DecisionBounds(10_000, Duration.ofSeconds(30), bound))
                .load(growing.root());

        assertThatThrownBy(() -> ruleBase.evaluate(List.of(new DtmfPressed("1"))))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleEvaluationException.Kind.BOUND_EXCEEDED);
                    assertThat(e.getMessage()).contains("allocated more than " + bound + " bytes");
                    assertThat(e.lastRulesFired()).contains("grow: double a string thirty times");
                });
        // the failed session went back to the pool reset: every session the pool hands out
        // afterwards (more decisions than the pool holds) decides whole, with none of its facts
        for (int i = 0; i < 3 * Runtime.getRuntime().availableProcessors() * 2; i++) {
            Evaluation next = ruleBase.evaluate(List.of(new CallArrived("15550001000", "15550009999")));
            assertThat(next.rulesFired())
                    .contains("routing: unknown number")
                    .doesNotContain("grow: double a string thirty times");
            assertThat(next.inserted())
                    .noneMatch(fact -> fact instanceof com.callflowrules.facts.MediaStep step
                            && step.prompt() != null
                            && step.prompt().length() > 1000);
        }
    }

    @Test
    void anAllocationBoundBelowOneMebibyteIsRefused() {
        assertThatThrownBy(() -> new DecisionBounds(10, Duration.ofSeconds(1), 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max allocated bytes must be at least 1 MiB");
    }

    @Test
    void aRuleBaseWhoseProbeDoesNotEndIsRefused(@TempDir Path other) {
        RulesCopy probeLoops = RulesCopy.of(other.resolve("rules")).write("extra/loop.drl", LoopingRule.ON_ARRIVAL);

        assertThatThrownBy(() -> DecisionEngine.loader()
                        .withBounds(new DecisionBounds(1_000, Duration.ofSeconds(30)))
                        .load(probeLoops.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages())
                                .anySatisfy(m -> assertThat(m.reason())
                                        .contains("gives no single decision for an arrival")
                                        .contains("fired more than 1000 rules")
                                        .contains("loop: count forever")));
    }
}
