package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.Action;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.DtmfPressed;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DTMF in the meeting by role, domain.md section 5 step 4. */
class InCallTest {

    private final DecisionEngine engine = ShippedRules.engine();
    private final Hierarchy hierarchy = Hierarchy.account("secured").withRoom("room-1", true, Map.of(), "1", Role.HOST);
    private final MeetingState meeting = new MeetingState("m-1", "room-1", false, "false", new Attendees(1, 1, 0));

    private Decision press(Hierarchy h, Role role, String digits) {
        return engine.decide(new DtmfPressed(digits), h.factsInRoom("room-1", role, meeting));
    }

    @ParameterizedTest(name = "{0} presses {1}: {2} {3}")
    @CsvSource({
        "HOST,*6,IN_CALL_ACTION,call_mute",
        "PARTICIPANT,*6,IN_CALL_ACTION,call_mute",
        "LISTENER,99,IN_CALL_ACTION,call_rolepin",
        "HOST,*3,IN_CALL_ACTION,conference_hold",
        "HOST,*7,IN_CALL_ACTION,conference_lock",
        "HOST,*5,IN_CALL_ACTION,conference_mute",
        "HOST,95,IN_CALL_ACTION,conference_mute_menu",
        "HOST,*9,IN_CALL_ACTION,conference_recording"
    })
    void aMatchingBindingDoesItsAction(Role role, String digits, Action action, String inCallAction) {
        Decision decision = press(hierarchy, role, digits);

        assertThat(decision.action()).isEqualTo(action);
        assertThat(decision.inCallAction()).isEqualTo(inCallAction);
        assertThat(decision.reason()).isNull();
    }

    @ParameterizedTest(name = "{0} presses {1}")
    @CsvSource({"PARTICIPANT,*7", "LISTENER,*5", "PARTICIPANT,*9", "LISTENER,95"})
    void hostBindingsAreIgnoredForOthers(Role role, String digits) {
        Decision decision = press(hierarchy, role, digits);

        assertThat(decision.action()).isEqualTo(Action.IGNORE);
        assertThat(decision.reason()).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(decision.inCallAction()).isNull();
    }

    @Test
    void anUnknownSequenceIsIgnored() {
        Decision decision = press(hierarchy, Role.HOST, "*0");

        assertThat(decision.action()).isEqualTo(Action.IGNORE);
        assertThat(decision.reason()).isEqualTo(Reason.UNKNOWN_BINDING);
    }

    @Test
    void recordingCannotBeStartedWhenItIsDisabled() {
        Decision decision =
                press(hierarchy.withDidProperties(Map.of("conference_recording_enabled", "off")), Role.HOST, "*9");

        assertThat(decision.action()).isEqualTo(Action.IGNORE);
        assertThat(decision.reason()).isEqualTo(Reason.NOT_ALLOWED);
    }

    @Test
    void bindingsFollowTheEffectivePropertiesOfTheCallsRoom() {
        Hierarchy rebound = Hierarchy.account("secured")
                .withRoom("room-1", true, Map.of("conference_lock_dtmf_binding", "#1"), "1", Role.HOST);

        assertThat(press(rebound, Role.HOST, "#1").inCallAction()).isEqualTo("conference_lock");
        assertThat(press(rebound, Role.HOST, "*7").reason()).isEqualTo(Reason.UNKNOWN_BINDING);
    }
}
