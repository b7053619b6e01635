package com.callflowrules.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.AccessCodeEntered;
import com.callflowrules.decision.CallArrived;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import org.junit.jupiter.api.Test;

/** The benchmark baseline is only a fair floor if it makes the same decisions as the rules. */
class PlainJavaDeciderTest {

    private final DecisionEngine engine = ShippedRules.engine();
    private final PlainJavaDecider baseline = new PlainJavaDecider(engine.ruleBase().callFlows());

    @Test
    void decidesAnArrivalLikeTheRules() {
        Decision rules = engine.decide(new CallArrived(Hierarchy.NUMBER, "1"), BenchmarkInputs.ARRIVAL);
        Decision plain = baseline.arrive(BenchmarkInputs.ARRIVAL);

        assertSame(rules, plain);
        assertThat(plain.attemptsLeft()).isEqualTo(4);
    }

    @Test
    void decidesAKnownCodeLikeTheRules() {
        Decision rules = engine.decide(new AccessCodeEntered(BenchmarkInputs.CODE, 0), BenchmarkInputs.CODE_ENTRY);
        Decision plain = baseline.enterKnownCode(BenchmarkInputs.CODE_ENTRY, BenchmarkInputs.CODE);

        assertSame(rules, plain);
        assertThat(plain.muted()).isTrue();
    }

    private static void assertSame(Decision rules, Decision plain) {
        assertThat(plain).usingRecursiveComparison()
                .ignoringFields("rulesFired", "ruleBaseVersion")
                .isEqualTo(rules);
    }
}
