package com.callflowrules.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.AdmissionRequested;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.MediaStep;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.Reason;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import org.junit.jupiter.api.Test;

/** The benchmark baseline is only a fair floor if it makes the same decisions as the rules. */
class PlainJavaDeciderTest {

    private final DecisionEngine engine = ShippedRules.engine();
    private final PlainJavaDecider baseline =
            new PlainJavaDecider(engine.ruleBase().callFlows());

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

    @Test
    void decidesAnAdmissionLikeTheRules() {
        Decision rules = engine.decide(new AdmissionRequested(30), BenchmarkInputs.ADMISSION);
        Decision plain = baseline.admit(BenchmarkInputs.ADMISSION);

        assertSame(rules, plain);
        assertThat(plain.action()).isEqualTo(Action.JOIN);
        assertThat(plain.meetingSid()).isEqualTo("meeting-1");
        assertThat(plain.media()).contains(MediaStep.announceCount(4, "de_DE"));
    }

    @Test
    void refusesALockedMeetingLikeTheRules() {
        CallFacts locked = BenchmarkInputs.ADMISSION.withMeeting(
                new MeetingState("meeting-1", "room-1", true, ParticipantMute.UNMUTED, new Attendees(1, 3, 0)));
        Decision rules = engine.decide(new AdmissionRequested(30), locked);
        Decision plain = baseline.admit(locked);

        assertSame(rules, plain);
        assertThat(plain.reason()).isEqualTo(Reason.MEETING_LOCKED);
    }

    private static void assertSame(Decision rules, Decision plain) {
        assertThat(plain)
                .usingRecursiveComparison()
                .ignoringFields("rulesFired", "ruleBaseVersion")
                .isEqualTo(rules);
    }
}
