package com.callflowrules.facts;

/**
 * The live meeting of the room a call targets. A meeting exists only once it has started, so
 * the absence of this fact means no meeting runs in that room.
 *
 * @param participantMuted {@code false}, {@code relaxed} or {@code true}, as set by a host
 */
public record MeetingState(
        String meetingSid, String meetingRoomSid, boolean locked, String participantMuted, Attendees attendees) {

    public MeetingState {
        participantMuted = participantMuted == null ? "false" : participantMuted;
        attendees = attendees == null ? Attendees.NONE : attendees;
    }
}
