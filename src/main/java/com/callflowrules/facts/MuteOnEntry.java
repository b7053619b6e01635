package com.callflowrules.facts;

/** The joining caller is muted: by the mute policy for its role, or by the meeting's participant_muted. */
public record MuteOnEntry() {}
