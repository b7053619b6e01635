package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions kept, rollback, the last build result, and the arrival probe run at build time. */
class RuleBaseVersionsTest {

    @TempDir
    Path dir;

    @Test
    void reloadsKeepTheGoodVersionsAndRollbackReturnsToThePreviousOne() {
        RulesCopy rules = RulesCopy.of(dir);
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        String first = holder.current().version();
        rules.write("call-flows/open.yaml", rules.read("call-flows/open.yaml") + "# an edit\n");
        String second = holder.reload().version();

        assertThat(second).isNotEqualTo(first);
        assertThat(holder.versions()).extracting(RuleBase::version).containsExactly(second, first);
        assertThat(holder.rollback().version()).isEqualTo(first);
        assertThat(holder.current().version()).isEqualTo(first);
        assertThatThrownBy(holder::rollback)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no previous");
    }

    @Test
    void aRefusedBuildIsTheLastBuildUntilACleanOneReplacesIt() {
        RulesCopy rules = RulesCopy.of(dir);
        RuleBaseHolder holder = new RuleBaseHolder(DecisionEngine.loader(), rules.root());
        String running = holder.current().version();
        String good = rules.read("routing.drl");
        rules.write("routing.drl", good + "\nrule \"broken\" when then oops end\n");

        assertThatThrownBy(holder::reload).isInstanceOf(RuleBaseException.class);
        assertThat(holder.lastBuild().clean()).isFalse();
        assertThat(holder.lastBuild().messages())
                .anySatisfy(m -> assertThat(m.file()).isEqualTo("routing.drl"));
        assertThat(holder.current().version()).isEqualTo(running);

        rules.write("routing.drl", good);
        holder.reload();
        assertThat(holder.lastBuild().clean()).isTrue();
        assertThat(holder.lastBuild().version()).isEqualTo(running);
    }

    @Test
    void aRuleBaseThatLeavesAFlowWithoutAnArrivalDecisionIsRefused() {
        RulesCopy rules = RulesCopy.of(dir);
        rules.write(
                "behaviours.drl",
                rules.read("behaviours.drl")
                        .replace("    insert(Verdict.of(Action.PROMPT_ACCESS_CODE));", "    // forgot the verdict"));

        assertThatThrownBy(() -> DecisionEngine.forRulesDirectory(rules.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages())
                                .extracting(RuleMessage::file)
                                .containsExactlyInAnyOrder(
                                        "call-flows/open.yaml",
                                        "call-flows/open_first_host.yaml",
                                        "call-flows/secured.yaml",
                                        "call-flows/secured_webinar.yaml"));
    }
}
