package com.callflowrules.facts;

/** What a prompting flow does with a well-formed code no room owns. */
public enum UnknownCode {
    /** A wrong attempt: re-prompt, then disconnect after the last try. */
    REFUSE,
    /** Create a meeting room with that code on the fly and place the caller in it. */
    CREATE_ROOM;

    /** The lower-case name used in definitions and JSON: {@code create_room}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
