package com.callflowrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.support.RulesCopy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phases are checked on what the compiler made of the rules: a rule outside a phase, one
 * that orders itself by salience, one that negates a fact of its own or a later phase, one that
 * reads a fact only a later phase inserts, an unknown property key and an unknown binding are
 * each refused at build time with the file and the line of the rule.
 */
class PhaseCheckTest {

    private static final String HEADER = """
            package callflow;

            import com.callflowrules.facts.*;

            """;
    /** The line of the {@code rule} keyword in a file of {@link #HEADER} and one rule. */
    private static final int RULE_LINE = 5;

    @TempDir
    Path dir;

    private List<RuleMessage> refused(String rule) {
        RulesCopy rules = RulesCopy.of(dir.resolve("rules")).write("extra/phases.drl", HEADER + rule);
        try {
            DecisionEngine.loader().load(rules.root());
        } catch (RuleBaseException e) {
            return e.messages();
        }
        throw new AssertionError("the rule base was not refused");
    }

    private static void refusedAt(List<RuleMessage> messages, String reason) {
        assertThat(messages).as(messages.toString()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("extra/phases.drl");
            assertThat(m.line()).isEqualTo(RULE_LINE);
            assertThat(m.reason()).contains(reason);
        });
    }

    @Test
    void aRuleOutsideAPhaseIsRefused() {
        List<RuleMessage> messages = refused("""
                rule "extra: no phase"
                when
                    CallArrived()
                then
                    insert(new StartMeeting());
                end
                """);

        refusedAt(
                messages,
                "rule \"extra: no phase\": names no phase; a rule runs in one of \"routing\", \"code lookup\"");
    }

    @Test
    void aMistypedPhaseIsRefused() {
        refusedAt(refused("""
                rule "extra: typo phase"
                    ruleflow-group "verdicts"
                when
                    CallArrived()
                then
                    insert(new StartMeeting());
                end
                """), "ruleflow-group 'verdicts' is not a phase");
    }

    @Test
    void salienceIsRefused() {
        refusedAt(refused("""
                rule "extra: salience"
                    ruleflow-group "details"
                    salience 10
                when
                    CallArrived()
                then
                    insert(new StartMeeting());
                end
                """), "salience orders nothing here");
    }

    @Test
    void aNegationOverALaterPhasesFactIsRefused() {
        // Placement is inserted in "placement": a routing rule cannot know yet that there is none.
        refusedAt(
                refused("""
                rule "extra: negates a later phase"
                    ruleflow-group "routing"
                when
                    CallArrived()
                    not Placement()
                then
                    insert(Verdict.of(Action.DROP, Reason.NO_CALL_FLOW));
                end
                """),
                "phase \"routing\" negates Placement, which phase \"placement\" inserts; 'not' may read input facts and facts of earlier phases only");
    }

    @Test
    void aNegationOverItsOwnPhasesFactIsRefused() {
        refusedAt(refused("""
                rule "extra: negates its own phase"
                    ruleflow-group "verdict"
                when
                    DtmfPressed()
                    not Verdict()
                then
                    insert(Verdict.of(Action.IGNORE));
                end
                """), "phase \"verdict\" negates Verdict, which phase \"routing\" and \"verdict\" inserts");
    }

    @Test
    void readingALaterPhasesFactIsRefused() {
        refusedAt(
                refused("""
                rule "extra: reads a later phase"
                    ruleflow-group "placement"
                when
                    EffectiveProperties(roles("conference_mute_policy") contains Role.HOST)
                then
                    insert(new CodeRefused());
                end
                """), "phase \"placement\" reads EffectiveProperties, which the later phase \"merge\" inserts");
    }

    @Test
    void anUnknownPropertyKeyIsRefused() {
        refusedAt(refused("""
                rule "extra: unknown key"
                    ruleflow-group "details"
                when
                    EffectiveProperties(value("conference_colour") == "blue")
                then
                    insert(new MuteOnEntry());
                end
                """), "property key 'conference_colour' is not in the property schema");
    }

    @Test
    void anUnknownBindingIsRefused() {
        refusedAt(refused("""
                rule "extra: unknown binding"
                    ruleflow-group "details"
                when
                    InCallAction(name == "conference_kick")
                then
                    insert(new MuteOnEntry());
                end
                """), "in-call action 'conference_kick' is not one the product knows");
    }

    @Test
    void theShippedRulesKeepToThePhases() {
        RuleBase shipped = DecisionEngine.loader().load(com.callflowrules.support.ShippedRules.DIRECTORY);

        assertThat(shipped.warnings()).isEmpty();
    }
}
