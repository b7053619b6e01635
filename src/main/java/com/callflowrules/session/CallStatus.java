package com.callflowrules.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a live call is in its life (domain.md section 5). */
public enum CallStatus {
    /** Being asked for an access code. */
    PROMPTING,
    /** In a room, waiting for its meeting to start. */
    WAITING,
    /** In the meeting. */
    JOINED,
    /** In the meeting, asked for an access code that gives it another role (the role-change binding). */
    CHANGING_ROLE,
    /** Dropped, refused, disconnected or hung up. */
    ENDED;

    /** The lower-case name used in the database and in JSON. */
    @JsonValue
    public String dbName() {
        return name().toLowerCase();
    }

    static CallStatus fromDb(String name) {
        return valueOf(name.toUpperCase());
    }
}
