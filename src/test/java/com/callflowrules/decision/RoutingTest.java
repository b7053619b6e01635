package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.Reason;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import org.junit.jupiter.api.Test;

/**
 * The engine's routing contracts that no scenario can state: a flow sid the rule base does not
 * have (a flow file removed under a live hierarchy) and the rule-base version every decision
 * carries. Routing itself is specified by {@code rules/scenarios/routing}.
 */
class RoutingTest {

    private final DecisionEngine engine = ShippedRules.engine();

    private Decision arrive(Hierarchy hierarchy) {
        return engine.decide(new CallArrived(Hierarchy.NUMBER, "15550009999"), hierarchy.facts());
    }

    @Test
    void aFlowSidThatIsNotInTheRuleBaseDropsTheCallRatherThanFallingThrough() {
        Hierarchy hierarchy = Hierarchy.account("secured");
        hierarchy = new Hierarchy(
                hierarchy.account(),
                hierarchy.group(),
                new com.callflowrules.facts.Did(
                        Hierarchy.DID,
                        Hierarchy.ACCOUNT,
                        Hierarchy.NUMBER,
                        Hierarchy.GROUP,
                        "no-such-flow",
                        java.util.Map.of(),
                        Hierarchy.CREATED),
                hierarchy.rooms());

        Decision decision = arrive(hierarchy);

        assertThat(decision.action()).isEqualTo(Action.DROP);
        assertThat(decision.reason()).isEqualTo(Reason.NO_CALL_FLOW);
        assertThat(decision.rulesFired()).contains("routing: the named flow is not in the rule base");
    }

    @Test
    void everyDecisionCarriesTheRuleBaseVersion() {
        assertThat(arrive(Hierarchy.account("open")).ruleBaseVersion())
                .isEqualTo(engine.ruleBase().version())
                .matches("[0-9a-f]{12}");
    }
}
