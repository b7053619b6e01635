package com.callflowrules.session;

import com.callflowrules.description.Example;
import com.callflowrules.facts.Attendees;
import com.callflowrules.facts.MeetingState;
import com.callflowrules.facts.ParticipantMute;
import com.callflowrules.facts.RoleSet;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/** A running meeting, with who is in it; {@code onHold}: the roles a host has put on hold. */
@RecordBuilder
public record Meeting(
        String meetingSid,
        String meetingRoomSid,
        String accountSid,
        boolean locked,

        @Example("pl")
        @io.swagger.v3.oas.annotations.media.Schema(
                implementation = String.class,
                description = "the roles on hold, one letter each (h, p, l); empty for none")
        RoleSet onHold,

        ParticipantMute participantMuted,
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
                meetingSid,
                meetingRoomSid,
                accountSid,
                false,
                RoleSet.NONE,
                ParticipantMute.UNMUTED,
                false,
                null,
                null,
                now,
                Attendees.NONE);
    }

    Meeting withLocked(boolean locked) {
        return MeetingBuilder.builder(this).locked(locked).build();
    }

    Meeting withOnHold(RoleSet onHold) {
        return MeetingBuilder.builder(this).onHold(onHold).build();
    }

    Meeting withParticipantMuted(ParticipantMute participantMuted) {
        return MeetingBuilder.builder(this).participantMuted(participantMuted).build();
    }

    Meeting withRecording(boolean recording) {
        return MeetingBuilder.builder(this).recording(recording).build();
    }
}
