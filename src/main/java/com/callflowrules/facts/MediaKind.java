package com.callflowrules.facts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a media step is, as routers render it; spelled in lower case ({@code collect_digits}) in
 * decisions, scenarios and the audit. A closed set: a kind no router can render is no kind.
 */
public enum MediaKind {
    /** Play a prompt to the caller. */
    PLAY,
    /** Collect the caller's digits. */
    COLLECT_DIGITS,
    /** Music while the caller waits. */
    MUSIC_ON_HOLD,
    /** Say how many are in the meeting. */
    ANNOUNCE_COUNT,
    /** The tone the meeting hears when a caller enters. */
    ENTRY_TONE,
    /** The tone the meeting hears when a caller leaves. */
    EXIT_TONE;

    /** The lower-case spelling, as JSON and scenarios write it. */
    @JsonValue
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this step says something to the caller (a prompt or the count). */
    public boolean speaks() {
        return this == PLAY || this == ANNOUNCE_COUNT;
    }
}
