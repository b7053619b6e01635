package com.callflowrules.facts;

import com.callflowrules.description.Example;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A meeting room: owns access codes, scoped to a DID group or (with none) to its whole account.
 * {@code adHoc} marks a room created on the fly by an {@code open} flow.
 */
public record MeetingRoom(
        String meetingRoomSid,
        String accountSid,
        @Example("Weekly") String name,
        @Nullable String didGroupSid,
        List<AccessCode> accessCodes,
        Map<String, String> properties,
        boolean adHoc,
        Instant dateCreated) {

    public MeetingRoom {
        accessCodes = accessCodes == null ? List.of() : List.copyOf(accessCodes);
        properties = Properties.copy(properties);
    }

    /** Whether this room owns {@code code}. */
    public boolean hasCode(String code) {
        return roleOf(code) != null;
    }

    /** The role {@code code} grants in this room, or {@code null} when the room does not own it. */
    public Role roleOf(String code) {
        for (AccessCode accessCode : accessCodes) {
            if (accessCode.accessCode().equals(code)) {
                return accessCode.role();
            }
        }
        return null;
    }
}
