package com.callflowrules.facts;

/**
 * The live meeting of the room a call targets. A meeting exists only once it has started, so
 * the absence of this fact means no meeting runs in that room.
 *
 * @param participantMuted whether its participants are muted, as a host set it
 */
public record MeetingState(
        String meetingSid,
        String meetingRoomSid,
        boolean locked,
        ParticipantMute participantMuted,
        Attendees attendees) {

    public MeetingState {
        participantMuted = participantMuted == null ? ParticipantMute.UNMUTED : participantMuted;
        attendees = attendees == null ? Attendees.NONE : attendees;
    }
}
