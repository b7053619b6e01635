package com.callflowrules.facts;

/**
 * Why a call was dropped, refused, disconnected or its input ignored. {@code RULES_FAILED}: the
 * rules could not decide (a rule failed, the decision went past its bounds, or the rules gave no
 * single verdict); the call is disconnected. {@code AMBIGUOUS_BINDING}: the keys pressed match
 * two bindings at once; the press is ignored.
 */
public enum Reason {
    UNKNOWN_NUMBER,
    NO_CALL_FLOW,
    TOO_MANY_ATTEMPTS,
    MEETING_LOCKED,
    START_TIMEOUT,
    MEETING_ENDED,
    NOT_ALLOWED,
    UNKNOWN_BINDING,
    RULES_FAILED,
    AMBIGUOUS_BINDING,
    /** The code entered after the role-change binding is not one of the call's room: the role stays. */
    WRONG_ACCESS_CODE
}
