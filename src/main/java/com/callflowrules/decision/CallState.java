package com.callflowrules.decision;

import com.callflowrules.hierarchy.Role;

/** The live state of the call being decided, once it has a role (after admission was decided). */
public record CallState(String callSid, Role role, String meetingRoomSid, boolean muted) {
}
