package com.callflowrules.facts;

/**
 * What a media step is, as routers render it; spelled in lower case ({@code collect_digits}) in
 * decisions, scenarios and the audit. A closed set: a kind no router can render is no kind.
 */
public enum MediaKind implements Spelled {
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

    /** Whether this step says something to the caller (a prompt or the count). */
    public boolean speaks() {
        return this == PLAY || this == ANNOUNCE_COUNT;
    }
}
