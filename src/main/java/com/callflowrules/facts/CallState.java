package com.callflowrules.facts;

/**
 * The live state of the call being decided, once it has a role (after admission was decided):
 * {@code changingRole} while it is asked for a code after the role-change binding, and
 * {@code roleChangesRefused} wrong entries there so far.
 */
public record CallState(
        String callSid, Role role, String meetingRoomSid, boolean muted, boolean changingRole, int roleChangesRefused) {

    /** A call in the meeting that has not used the role-change binding. */
    public CallState(String callSid, Role role, String meetingRoomSid, boolean muted) {
        this(callSid, role, meetingRoomSid, muted, false, 0);
    }
}
