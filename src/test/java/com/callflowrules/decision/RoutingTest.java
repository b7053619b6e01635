package com.callflowrules.decision;

import static com.callflowrules.support.Hierarchy.sid;
import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.Level;
import com.callflowrules.facts.Reason;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import org.junit.jupiter.api.Test;

/** Call-flow routing, domain.md section 3: DID > DID group > account, else dropped. */
class RoutingTest {

    private final DecisionEngine engine = ShippedRules.engine();

    private Decision arrive(Hierarchy hierarchy) {
        return engine.decide(new CallArrived(Hierarchy.NUMBER, "15550009999"), hierarchy.facts());
    }

    @Test
    void theDidNamesTheFlowAboveItsGroupAndAccount() {
        Decision decision =
                arrive(Hierarchy.account("open").withGroupFlow("direct_host").withDidFlow("secured"));

        assertThat(decision.callFlow()).isEqualTo(new FlowChoice(sid("secured"), "secured", Level.DID, Hierarchy.DID));
        assertThat(decision.action()).isEqualTo(Action.PROMPT_ACCESS_CODE);
        assertThat(decision.rulesFired())
                .contains("routing: flow from DID")
                .doesNotContain("routing: flow from DID group");
    }

    @Test
    void theGroupNamesTheFlowWhenTheDidDoesNot() {
        Decision decision = arrive(Hierarchy.account("open").withGroupFlow("direct_host"));

        assertThat(decision.callFlow())
                .isEqualTo(new FlowChoice(sid("direct_host"), "direct_host", Level.DID_GROUP, Hierarchy.GROUP));
        assertThat(decision.action()).isEqualTo(Action.JOIN);
    }

    @Test
    void theAccountNamesTheFlowWhenNeitherDidNorGroupDoes() {
        Decision decision = arrive(Hierarchy.account("direct_participant"));

        assertThat(decision.callFlow())
                .isEqualTo(new FlowChoice(
                        sid("direct_participant"), "direct_participant", Level.ACCOUNT, Hierarchy.ACCOUNT));
        assertThat(decision.rulesFired()).contains("routing: flow from account");
    }

    @Test
    void aDidWithoutGroupFallsBackToTheAccount() {
        Decision decision =
                arrive(Hierarchy.account("secured").withGroupFlow("open").withoutGroup());

        assertThat(decision.callFlow().source()).isEqualTo(Level.ACCOUNT);
        assertThat(decision.callFlow().name()).isEqualTo("secured");
    }

    @Test
    void noFlowAtAnyLevelDropsTheCallWithoutPromptOrMeeting() {
        Decision decision = arrive(Hierarchy.account(null));

        assertThat(decision.action()).isEqualTo(Action.DROP);
        assertThat(decision.reason()).isEqualTo(Reason.NO_CALL_FLOW);
        assertThat(decision.callFlow()).isNull();
        assertThat(decision.media()).isEmpty();
        assertThat(decision.startMeeting()).isFalse();
        assertThat(decision.properties()).isEmpty();
    }

    @Test
    void aNumberThatMatchesNoDidIsDropped() {
        Decision decision = engine.decide(new CallArrived("19999999999", "15550009999"), CallFacts.unknownNumber());

        assertThat(decision.action()).isEqualTo(Action.DROP);
        assertThat(decision.reason()).isEqualTo(Reason.UNKNOWN_NUMBER);
        assertThat(decision.rulesFired()).containsExactly("routing: unknown number");
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
