package com.callflowrules.decision;

/** Why a call was dropped, refused, disconnected or its input ignored. */
public enum Reason {
    UNKNOWN_NUMBER, NO_CALL_FLOW, TOO_MANY_ATTEMPTS, MEETING_LOCKED, START_TIMEOUT, MEETING_ENDED,
    NOT_ALLOWED, UNKNOWN_BINDING
}
