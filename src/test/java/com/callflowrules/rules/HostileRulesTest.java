package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.support.HostileRules;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile-rules corpus is refused with its file and the construct it reached,
 * and none of its code runs: not at build time, not in the arrival probe. The compiled-code check
 * is the only policy; a file it cannot refuse at build (data that grows without a loop) is stopped
 * by the allocation bound in the build's probe, at the rule that was firing. {@code HostileRulesServiceTest}
 * runs the corpus through every way into the service.
 */
class HostileRulesTest {

    static List<HostileRules> corpus() {
        return HostileRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theCompiledCheckAloneRefusesItAndNothingRuns(HostileRules hostile, @TempDir Path dir) {
        Path marker = dir.resolve("marker");
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules"))
                .write(hostile.fileName(), hostile.textWithMarker(marker));
        RuleBaseLoader loader = DecisionEngine.loader();

        assertThatThrownBy(() -> loader.load(rules.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        refused -> assertThat(refused.messages())
                                .as("a message of %s naming '%s'", hostile.fileName(), hostile.expect())
                                .anySatisfy(m -> {
                                    assertThat(m.file()).isEqualTo(hostile.fileName());
                                    assertThat(m.line()).isPositive();
                                    assertThat(m.reason()).containsIgnoringCase(hostile.expect());
                                }));
        assertThat(Files.exists(marker)).as("marker written by rule code").isFalse();
    }

    /** Start-up: a service whose rules directory holds the file never gets a rule base, and nothing ran. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void startUpRefusesItAndNothingRuns(HostileRules hostile, @TempDir Path dir) {
        Path marker = dir.resolve("marker");
        RulesCopy rules = RulesCopy.definitionsOnly(dir.resolve("rules"))
                .write(hostile.fileName(), hostile.textWithMarker(marker));

        assertThatThrownBy(() -> new RuleBaseHolder(DecisionEngine.loader(), rules.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        refused -> assertThat(refused.messages())
                                .anySatisfy(m -> assertThat(m.file()).isEqualTo(hostile.fileName())));
        assertThat(Files.exists(marker)).as("marker written by rule code").isFalse();
    }

    @Test
    void whatAnalystsUseStillBuildsAndRuns(@TempDir Path dir) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules")).write("extra/benign.drl", """
                package callflow;

                import com.callflowrules.facts.*;

                declare Counted
                    n : long
                end

                function String shout(String text) {
                    return text.toUpperCase() + "!";
                }

                rule "benign: count, from and a function"
                    ruleflow-group "placement"
                when
                    CallArrived(numberDst matches "[0-9]{1,20}")
                    $n : Number() from accumulate(CallArrived(), count(1))
                    $s : String(this == "A!") from java.util.List.of(shout("a"), "b")
                then
                    insert(new Counted($n.longValue()));
                end

                rule "benign: an MVEL consequence"
                    ruleflow-group "details"
                    dialect "mvel"
                when
                    Counted(n == 1)
                then
                    insert("seen");
                end
                """);
        RuleBase ruleBase = DecisionEngine.loader().load(rules.root());

        Evaluation evaluation = ruleBase.evaluate(List.of(new CallArrived("15550001000", "15550009999")));

        assertThat(evaluation.rulesFired())
                .contains("benign: count, from and a function", "benign: an MVEL consequence");
    }
}
