package com.callflowrules.session;

import com.callflowrules.hierarchy.Role;
import java.util.function.UnaryOperator;

/**
 * Carries out the in-call action of a pressed binding. The rules decided that it applies and
 * who may use it; this only changes the live state. Actions without state (menus, role change)
 * are left to the call router.
 */
final class InCallActions {

    private InCallActions() {
    }

    static Call apply(Call call, String action, CallControl control) {
        switch (action) {
            case "call_mute" -> {
                return call.withMuted(!call.muted());
            }
            case "conference_lock" -> control.meetingOf(call).ifPresent(m -> control.save(m.withLocked(!m.locked())));
            case "conference_recording" -> control.meetingOf(call).ifPresent(m -> control.save(m.withRecording(!m.recording())));
            case "conference_mute" -> control.meetingOf(call).ifPresent(m -> {
                boolean mute = m.participantMuted().equals("false");
                control.save(m.withParticipantMuted(mute ? "true" : "false"));
                forRole(control, m.meetingSid(), Role.PARTICIPANT, c -> c.withMuted(mute));
            });
            case "conference_hold" -> control.meetingOf(call).ifPresent(m -> {
                boolean hold = m.onHold().isEmpty();
                control.save(m.withOnHold(hold ? "pl" : ""));
                forRole(control, m.meetingSid(), Role.PARTICIPANT, c -> c.withOnHold(hold));
                forRole(control, m.meetingSid(), Role.LISTENER, c -> c.withOnHold(hold));
            });
            default -> {
                // menus and role changes: no live state to change here
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
