package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.DtmfPressed;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleBaseLoader;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.RulesCopy;
import com.callflowrules.support.ShippedRules;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule base that cannot decide says so clearly instead of guessing. */
class DecisionFailuresTest {

    @TempDir
    Path dir;

    private DecisionEngine engineWith(String file, String drl) {
        RulesCopy rules = RulesCopy.of(dir).write(file, drl);
        return new DecisionEngine(new RuleBaseHolder(new RuleBaseLoader(), rules.root()));
    }

    @Test
    void twoMediaStepsAtOnePlaceAreAConflictRatherThanAnOrderNobodyChose() {
        DecisionEngine engine = engineWith("extra.drl", """
                package callflow;
                import com.callflowrules.facts.*;
                rule "extra: a tone where the prompt plays"
                    ruleflow-group "details"
                when
                    CallArrived()
                then
                    insert(new Media(10, MediaStep.tone(MediaKind.ENTRY_TONE)));
                end
                """);

        assertThatThrownBy(() -> engine.decide(
                        new CallArrived(Hierarchy.NUMBER, "1"),
                        Hierarchy.account("secured").facts()))
                .isInstanceOf(DecisionException.class)
                .hasMessageContaining("media steps at the same place 10")
                .hasMessageContaining("extra: a tone where the prompt plays");
    }

    @Test
    void twoVerdictsForOneEventAreAConflictNamingTheRules() {
        DecisionEngine engine = engineWith("extra.drl", """
                package callflow;
                import com.callflowrules.facts.*;
                rule "extra: drop every arrival"
                    ruleflow-group "verdict"
                when
                    CallArrived()
                then
                    insert(Verdict.of(Action.DROP));
                end
                """);

        assertThatThrownBy(() -> engine.decide(
                        new CallArrived(Hierarchy.NUMBER, "1"),
                        Hierarchy.account("secured").facts()))
                .isInstanceOf(DecisionException.class)
                .hasMessageContaining("conflicting verdicts")
                .hasMessageContaining("extra: drop every arrival")
                .hasMessageContaining("behaviour: a prompting flow asks for an access code");
    }

    @Test
    void noVerdictIsReportedWithTheEvent() {
        RulesCopy rules = RulesCopy.of(dir);
        rules.write(
                "behaviours.drl",
                rules.read("behaviours.drl").replace("CallArrived()", "CallArrived(numberSrc == \"nobody\")"));
        DecisionEngine engine = new DecisionEngine(new RuleBaseHolder(new RuleBaseLoader(), rules.root()));

        assertThatThrownBy(() -> engine.decide(
                        new CallArrived(Hierarchy.NUMBER, "1"),
                        Hierarchy.account("secured").facts()))
                .isInstanceOf(DecisionException.class)
                .hasMessageContaining("no rule gave a verdict for CallArrived");
    }

    @Test
    void aRuleThatFailsIsNamed() {
        DecisionEngine engine = engineWith("extra.drl", """
                package callflow;
                import com.callflowrules.facts.*;
                rule "extra: reads a number that is not one"
                    ruleflow-group "details"
                when
                    CallArrived()
                then
                    insert(Integer.valueOf(Integer.parseInt("not a number")));
                end
                """);

        assertThatThrownBy(() -> engine.decide(
                        new CallArrived(Hierarchy.NUMBER, "1"),
                        Hierarchy.account("secured").facts()))
                .isInstanceOf(DecisionException.class)
                .hasMessageContaining("rule 'extra: reads a number that is not one' failed")
                .hasMessageContaining("NumberFormatException");
    }

    @Test
    void decisionsStayRightFarPastDroolsConstraintJittingThreshold() {
        // Drools jits a constraint after 20 evaluations; in 10.2.0 jitted constraints with
        // operators such as matches, contains and str[...] threw NoSuchMethodError.
        DecisionEngine engine = ShippedRules.engine();
        Hierarchy hierarchy = Hierarchy.account("open").withRoom("r", true, Map.of(), new AccessCode("1", Role.HOST));
        CallFacts inRoom = hierarchy.factsInRoom(
                "r",
                Role.PARTICIPANT,
                new MeetingState("m", "r", false, ParticipantMute.UNMUTED, new Attendees(1, 1, 0)));

        IntStream.range(0, 200).forEach(i -> {
            assertThat(engine.decide(new AccessCodeEntered("1", 0), hierarchy.factsForCode("1"))
                            .role())
                    .isEqualTo(Role.HOST);
            assertThat(engine.decide(new AccessCodeEntered("x", 0), hierarchy.factsForCode("x"))
                            .action())
                    .isEqualTo(Action.REPROMPT_ACCESS_CODE);
            assertThat(engine.decide(new DtmfPressed("*7"), inRoom).reason()).isEqualTo(Reason.NOT_ALLOWED);
            assertThat(engine.decide(new DtmfPressed("*6"), inRoom).inCallAction())
                    .isEqualTo("call_mute");
        });
    }

    @Test
    void aDecisionThatFailsLeavesNothingBehindForTheNextOne() {
        DecisionEngine engine = engineWith("extra.drl", """
                package callflow;
                import com.callflowrules.facts.*;
                rule "extra: fails for one caller"
                    ruleflow-group "details"
                when
                    CallArrived(numberSrc == "boom")
                then
                    insert(Integer.valueOf(Integer.parseInt("not a number")));
                end
                """);
        CallFacts facts = Hierarchy.account("secured").facts();

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> engine.decide(new CallArrived(Hierarchy.NUMBER, "boom"), facts))
                    .isInstanceOf(DecisionException.class);
            Decision next = engine.decide(new CallArrived(Hierarchy.NUMBER, "1"), facts);
            assertThat(next.action()).isEqualTo(Action.PROMPT_ACCESS_CODE);
            assertThat(next.rulesFired()).doesNotContain("extra: fails for one caller");
            assertThat(next.properties()).hasSize(25);
        }
    }
}
