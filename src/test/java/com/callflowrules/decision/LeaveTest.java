package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.Action;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.CallLeft;
import com.callflowrules.facts.MediaStep;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.MeetingStopDue;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Leaving and the meeting's stop condition, domain.md section 5 step 5. */
class LeaveTest {

    private final DecisionEngine engine = ShippedRules.engine();
    private final Hierarchy hierarchy = Hierarchy.account("secured").withRoom("room-1", true, Map.of(), "1", Role.HOST);

    private static MeetingState meeting(int hosts, int participants, int listeners) {
        return new MeetingState("m-1", "room-1", false, "false", new Attendees(hosts, participants, listeners));
    }

    private Decision leave(Hierarchy h, Role role, MeetingState before) {
        return engine.decide(new CallLeft(), h.factsInRoom("room-1", role, before));
    }

    @Test
    void theLastCallerLeavingStartsTheStopGraceTime() {
        Decision decision = leave(hierarchy, Role.PARTICIPANT, meeting(0, 1, 0));

        assertThat(decision.action()).isEqualTo(Action.LEFT);
        assertThat(decision.stopAfterSeconds()).isEqualTo(180);
        assertThat(decision.media()).containsExactly(MediaStep.tone("exit_tone"));
    }

    @Test
    void withStopLastTheMeetingGoesOnWhileAnybodyRemains() {
        Decision decision = leave(hierarchy, Role.HOST, meeting(1, 2, 0));

        assertThat(decision.action()).isEqualTo(Action.LEFT);
        assertThat(decision.stopAfterSeconds()).isNull();
    }

    @Test
    void withStopHostTheLastHostLeavingStartsTheGraceTime() {
        Hierarchy stopHost =
                hierarchy.withDidProperties(Map.of("conference_stop_how", "host", "conference_stop_wait", "30"));

        assertThat(leave(stopHost, Role.HOST, meeting(1, 3, 1)).stopAfterSeconds())
                .isEqualTo(30);
        assertThat(leave(stopHost, Role.HOST, meeting(2, 3, 1)).stopAfterSeconds())
                .isNull();
        assertThat(leave(stopHost, Role.PARTICIPANT, meeting(1, 3, 1)).stopAfterSeconds())
                .isNull();
    }

    @Test
    void noExitToneWhenSwitchedOff() {
        Decision decision = leave(
                hierarchy.withDidProperties(Map.of("conference_exittones_enabled", "off")),
                Role.HOST,
                meeting(1, 1, 0));

        assertThat(decision.media()).isEmpty();
    }

    @Test
    void whenTheGraceTimeIsOverTheMeetingEndsIfTheConditionStillHolds() {
        CallFacts lastLeaver = hierarchy.factsInRoom("room-1", Role.PARTICIPANT, meeting(0, 0, 0));

        Decision decision = engine.decide(new MeetingStopDue(), lastLeaver);

        assertThat(decision.action()).isEqualTo(Action.DISCONNECT);
        assertThat(decision.reason()).isEqualTo(Reason.MEETING_ENDED);
    }

    @Test
    void whenSomebodyRejoinedDuringTheGraceTimeTheMeetingGoesOn() {
        CallFacts lastLeaver = hierarchy.factsInRoom("room-1", Role.PARTICIPANT, meeting(0, 1, 0));

        Decision decision = engine.decide(new MeetingStopDue(), lastLeaver);

        assertThat(decision.action()).isEqualTo(Action.IGNORE);
        assertThat(decision.reason()).isNull();
    }
}
