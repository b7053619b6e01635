package com.callflowrules.session;

import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.MeetingState;
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

    /** A meeting that starts now in {@code meetingRoomSid}. */
    static Meeting started(String meetingSid, String meetingRoomSid, String accountSid, Instant now) {
        return new Meeting(
                meetingSid, meetingRoomSid, accountSid, false, "", "false", false, null, null, now, Attendees.NONE);
    }

    Meeting withLocked(boolean locked) {
        return new Meeting(
                meetingSid,
                meetingRoomSid,
                accountSid,
                locked,
                onHold,
                participantMuted,
                recording,
                stopDueAt,
                stopCallSid,
                dateCreated,
                attendees);
    }

    Meeting withOnHold(String onHold) {
        return new Meeting(
                meetingSid,
                meetingRoomSid,
                accountSid,
                locked,
                onHold,
                participantMuted,
                recording,
                stopDueAt,
                stopCallSid,
                dateCreated,
                attendees);
    }

    Meeting withParticipantMuted(String participantMuted) {
        return new Meeting(
                meetingSid,
                meetingRoomSid,
                accountSid,
                locked,
                onHold,
                participantMuted,
                recording,
                stopDueAt,
                stopCallSid,
                dateCreated,
                attendees);
    }

    Meeting withRecording(boolean recording) {
        return new Meeting(
                meetingSid,
                meetingRoomSid,
                accountSid,
                locked,
                onHold,
                participantMuted,
                recording,
                stopDueAt,
                stopCallSid,
                dateCreated,
                attendees);
    }
}
