package com.callflowrules.session;

import com.callflowrules.hierarchy.Role;
import com.callflowrules.properties.InCallEffect;
import com.callflowrules.properties.PropertySchema;
import java.util.function.UnaryOperator;

/**
 * Carries out the in-call action of a pressed binding: the {@link InCallEffect} its schema row
 * names. The rules decided that it applies and who may use it; this only changes the live state.
 */
final class InCallActions {

    private InCallActions() {
    }

    static Call apply(Call call, String action, CallControl control) {
        InCallEffect effect = PropertySchema.standard().bindingOfAction(action)
                .orElseThrow(() -> new IllegalStateException("the rules decided an action the schema does not have: " + action))
                .effect();
        switch (effect) {
            case TOGGLE_OWN_MUTE -> {
                return call.withMuted(!call.muted());
            }
            case TOGGLE_LOCK -> control.meetingOf(call).ifPresent(m -> control.save(m.withLocked(!m.locked())));
            case TOGGLE_RECORDING -> control.meetingOf(call).ifPresent(m -> control.save(m.withRecording(!m.recording())));
            case TOGGLE_PARTICIPANT_MUTE -> control.meetingOf(call).ifPresent(m -> {
                boolean mute = m.participantMuted().equals("false");
                control.save(m.withParticipantMuted(mute ? "true" : "false"));
                forRole(control, m.meetingSid(), Role.PARTICIPANT, c -> c.withMuted(mute));
            });
            case TOGGLE_HOLD -> control.meetingOf(call).ifPresent(m -> {
                boolean hold = m.onHold().isEmpty();
                control.save(m.withOnHold(hold ? "pl" : ""));
                forRole(control, m.meetingSid(), Role.PARTICIPANT, c -> c.withOnHold(hold));
                forRole(control, m.meetingSid(), Role.LISTENER, c -> c.withOnHold(hold));
            });
            case CHANGE_ROLE -> {
                return call.changingRole();
            }
            case CALL_ROUTER -> {
                // no live state to change here
            }
        }
        return call;
    }

    private static void forRole(CallControl control, String meetingSid, Role role, UnaryOperator<Call> change) {
        for (Call c : control.callsIn(meetingSid)) {
            if (c.role() == role) {
                control.save(change.apply(c));
            }
        }
    }
}
