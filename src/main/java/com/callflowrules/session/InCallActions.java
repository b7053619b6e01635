package com.callflowrules.session;

import com.callflowrules.hierarchy.Role;

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
                return new Call(call.callSid(), call.numberSrc(), call.numberDst(), call.didSid(), call.state(), call.accessCode(),
                        call.role(), call.attemptsUsed(), call.meetingRoomSid(), call.meetingSid(), !call.muted(), call.onHold(),
                        call.waitStartedAt(), call.waitDeadline(), call.endReason(), call.dateCreated(), call.dateJoined(),
                        call.dateEnded());
            }
            case "conference_lock" -> control.meetingOf(call).ifPresent(m -> control.save(new Meeting(m.meetingSid(),
                    m.meetingRoomSid(), m.accountSid(), !m.locked(), m.onHold(), m.participantMuted(), m.recording(),
                    m.stopDueAt(), m.stopCallSid(), m.dateCreated(), m.attendees())));
            case "conference_recording" -> control.meetingOf(call).ifPresent(m -> control.save(new Meeting(m.meetingSid(),
                    m.meetingRoomSid(), m.accountSid(), m.locked(), m.onHold(), m.participantMuted(), !m.recording(),
                    m.stopDueAt(), m.stopCallSid(), m.dateCreated(), m.attendees())));
            case "conference_mute" -> control.meetingOf(call).ifPresent(m -> {
                boolean mute = m.participantMuted().equals("false");
                control.save(new Meeting(m.meetingSid(), m.meetingRoomSid(), m.accountSid(), m.locked(), m.onHold(),
                        mute ? "true" : "false", m.recording(), m.stopDueAt(), m.stopCallSid(), m.dateCreated(), m.attendees()));
                setForRole(control, m.meetingSid(), Role.PARTICIPANT, mute, true);
            });
            case "conference_hold" -> control.meetingOf(call).ifPresent(m -> {
                boolean hold = m.onHold().isEmpty();
                control.save(new Meeting(m.meetingSid(), m.meetingRoomSid(), m.accountSid(), m.locked(), hold ? "pl" : "",
                        m.participantMuted(), m.recording(), m.stopDueAt(), m.stopCallSid(), m.dateCreated(), m.attendees()));
                setForRole(control, m.meetingSid(), Role.PARTICIPANT, hold, false);
                setForRole(control, m.meetingSid(), Role.LISTENER, hold, false);
            });
            default -> {
                // menus and role changes: no live state to change here
            }
        }
        return call;
    }

    private static void setForRole(CallControl control, String meetingSid, Role role, boolean value, boolean muted) {
        for (Call c : control.callsIn(meetingSid)) {
            if (c.role() == role) {
                control.save(new Call(c.callSid(), c.numberSrc(), c.numberDst(), c.didSid(), c.state(), c.accessCode(), c.role(),
                        c.attemptsUsed(), c.meetingRoomSid(), c.meetingSid(), muted ? value : c.muted(), muted ? c.onHold() : value,
                        c.waitStartedAt(), c.waitDeadline(), c.endReason(), c.dateCreated(), c.dateJoined(), c.dateEnded()));
            }
        }
    }
}
