package com.callflowrules.facts;

/**
 * Whether a meeting's participants are muted, as a host set it ({@code conference_mute} toggles
 * between {@link #UNMUTED} and {@link #MUTED}). Spelled {@code false}, {@code relaxed} or
 * {@code true} in JSON, YAML and the store.
 */
public enum ParticipantMute implements Spelled {
    /** Participants talk. */
    UNMUTED("false"),
    /** Participants join muted and may unmute themselves. */
    RELAXED("relaxed"),
    /** Participants are muted. */
    MUTED("true");

    private final String spelling;

    ParticipantMute(String spelling) {
        this.spelling = spelling;
    }

    /** {@code false}, {@code relaxed} or {@code true}. */
    @Override
    public String spelling() {
        return spelling;
    }

    /** Whether a participant joining now is muted. */
    public boolean mutesParticipants() {
        return this != UNMUTED;
    }

    /** The value spelled {@code spelling}; throws naming the three spellings for any other. */
    public static ParticipantMute of(String spelling) {
        return Spelled.parse(ParticipantMute.class, spelling);
    }
}
