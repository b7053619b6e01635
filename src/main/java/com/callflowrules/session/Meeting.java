package com.callflowrules.session;

import com.callflowrules.decision.Attendees;
import com.callflowrules.decision.MeetingState;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A running meeting, with who is in it. */
public record Meeting(
        String meetingSid,
        String meetingRoomSid,
        String accountSid,
        boolean locked,
        String onHold,
        String participantMuted,
        boolean recording,
        @JsonIgnore Instant stopDueAt,
        @JsonIgnore String stopCallSid,
        Instant dateCreated,
        Attendees attendees) {

    /** The fact the rules see. */
    MeetingState state() {
        return new MeetingState(meetingSid, meetingRoomSid, locked, participantMuted, attendees);
    }
}
