package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst's typo never goes live: a property key, a key prefix or an in-call action the
 * product does not know is refused at build time with the file, the line of the rule and the
 * word, and so is an edit that breaks a regression scenario.
 */
class MeaningChecksTest {

    private static final String HEADER = """
            package callflow;

            import com.callflowrules.facts.*;

            """;

    /** The shipped rules with {@code text} added as {@code extra/<file>}, loaded. */
    private static RuleBase load(Path dir, String file, String text) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules")).write("extra/" + file, HEADER + text);
        return DecisionEngine.loader().load(rules.root());
    }

    private static RuleBaseException refusal(Path dir, String text) {
        try {
            load(dir, "typo.drl", text);
        } catch (RuleBaseException e) {
            return e;
        }
        throw new AssertionError("the rule base was not refused");
    }

    @Test
    void anUnknownPropertyKeyIsRefused(@TempDir Path dir) {
        RuleBaseException refused = refusal(dir, """
                rule "typo: start wait"
                when
                    DtmfPressed()
                    EffectiveProperties($wait : seconds("conference_strat_wait"))
                then
                    insert($wait);
                end
                """);

        assertThat(refused.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("extra/typo.drl");
            assertThat(m.line()).isEqualTo(5);
            assertThat(m.reason())
                    .isEqualTo(
                            "rule \"typo: start wait\": property key 'conference_strat_wait' is not in the property schema");
        });
    }

    @Test
    void aComparisonWithAValueTheKeysTypeCannotHaveIsRefused(@TempDir Path dir) {
        RuleBaseException refused = refusal(dir, """
                rule "typo: started by hosts"
                when
                    DtmfPressed()
                    EffectiveProperties(value("conference_start_how") == "hots")
                then
                    insert(new MuteOnEntry());
                end

                rule "typo: tones are not ON"
                when
                    DtmfPressed()
                    EffectiveProperties(value("conference_entrytones_enabled") != "ON")
                then
                    insert(new MuteOnEntry());
                end
                """);

        assertThat(refused.messages())
                .extracting(m -> m.file() + ":" + m.line() + " " + m.reason())
                .contains(
                        "extra/typo.drl:5 rule \"typo: started by hosts\": property conference_start_how is compared"
                                + " with 'hots', a value it cannot have: must be first or host",
                        "extra/typo.drl:13 rule \"typo: tones are not ON\": property conference_entrytones_enabled is"
                                + " compared with 'ON', a value it cannot have: must be on or off");
    }

    @Test
    void aTypedReadOfAKeyOfAnotherTypeIsRefused(@TempDir Path dir) {
        RuleBaseException refused = refusal(dir, """
                rule "typo: the stop read as a start"
                when
                    DtmfPressed()
                    EffectiveProperties(startHow("conference_stop_how") == StartHow.HOST)
                then
                    insert(new MuteOnEntry());
                end

                rule "typo: a binding read as seconds"
                when
                    DtmfPressed()
                    EffectiveProperties(seconds("call_mute_dtmf_binding") > 3)
                then
                    insert(new MuteOnEntry());
                end
                """);

        assertThat(refused.messages())
                .extracting(m -> m.file() + ":" + m.line() + " " + m.reason())
                .contains(
                        "extra/typo.drl:5 rule \"typo: the stop read as a start\": property conference_stop_how is"
                                + " read with startHow, which reads first or host, but its values are last or host",
                        "extra/typo.drl:13 rule \"typo: a binding read as seconds\": property call_mute_dtmf_binding"
                                + " is read with seconds, which reads an integer 0..86400, but its values are"
                                + " 1 to 8 of 0-9 * #");
    }

    @Test
    void aComparisonWithAValueOfTheKeysTypeIsAccepted(@TempDir Path dir) {
        RuleBase loaded = load(dir, "fine.drl", """
                rule "fine: started by hosts"
                    ruleflow-group "details"
                when
                    DtmfPressed()
                    EffectiveProperties(value("conference_start_how") == "host", value("did_language") != "fr_FR")
                    EffectiveProperties(stopHow("conference_stop_how") == StopHow.LAST, seconds("conference_stop_wait") > 0)
                then
                    insert(new MuteOnEntry());
                end
                """);

        assertThat(loaded.files()).contains("extra/fine.drl");
    }

    @Test
    void aKeyPrefixNoKeyHasIsRefused(@TempDir Path dir) {
        RuleBaseException refused = refusal(dir, """
                rule "typo: prefix"
                when
                    DtmfPressed($digits : digits)
                    EffectiveProperties($all : all())
                    EffectiveProperty(key str[startsWith] "conferense_", value == $digits) from $all
                then
                    insert("x");
                end
                """);

        assertThat(refused.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("extra/typo.drl");
            assertThat(m.line()).isEqualTo(5);
            assertThat(m.reason()).contains("no property key in the schema starts with 'conferense_'");
        });
    }

    @Test
    void anUnknownInCallActionIsRefused(@TempDir Path dir) {
        RuleBaseException refused = refusal(dir, """
                rule "typo: action"
                    ruleflow-group "details"
                when
                    InCallAction(name == "conference_luck")
                then
                    insert(new MuteOnEntry());
                end
                """);

        assertThat(refused.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("extra/typo.drl");
            assertThat(m.line()).isEqualTo(5);
            assertThat(m.reason())
                    .contains("in-call action 'conference_luck' is not one the product knows")
                    .contains("conference_lock");
        });
    }

    @Test
    void anEditThatBreaksAScenarioIsRefusedByTheScenarioGate(@TempDir Path dir) {
        // the secured flow no longer re-prompts after a wrong code: the scenarios that pin it fail
        RulesCopy rules = RulesCopy.of(dir.resolve("rules"));
        rules.write(
                "access-codes.drl",
                rules.read("access-codes.drl")
                        .replace(
                                "insert(Verdict.of(Action.REPROMPT_ACCESS_CODE));",
                                "insert(Verdict.of(Action.DISCONNECT, Reason.TOO_MANY_ATTEMPTS));"));
        RuleBaseLoader gated = DecisionEngine.loader()
                .withChecks(java.util.List.of(
                        new com.callflowrules.scenario.ScenarioGate(rules.root().resolve("scenarios"))));

        assertThatThrownBy(() -> gated.load(rules.root()))
                .isInstanceOfSatisfying(
                        RuleBaseException.class,
                        e -> assertThat(e.messages()).anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("scenarios/secured/wrong-code-then-right-code.yaml");
                            assertThat(m.reason())
                                    .startsWith("scenario fails against this rule base:")
                                    .contains("action")
                                    .contains("REPROMPT_ACCESS_CODE");
                        }));
    }

    @Test
    void theShippedRulesPassTheScenarioGate() {
        Path shipped = com.callflowrules.support.ShippedRules.DIRECTORY;
        RuleBase ruleBase = DecisionEngine.loader()
                .withChecks(
                        java.util.List.of(new com.callflowrules.scenario.ScenarioGate(shipped.resolve("scenarios"))))
                .load(shipped);

        assertThat(ruleBase.callFlows()).isNotEmpty();
    }
}
