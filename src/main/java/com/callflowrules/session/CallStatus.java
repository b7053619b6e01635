package com.callflowrules.session;

import com.callflowrules.facts.Spelled;

/** Where a live call is in its life (domain.md section 5). */
public enum CallStatus implements Spelled {
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
}
