package com.callflowrules.decision;

/** What the call router is told to do with a call. */
public enum Action {
    DROP, PROMPT_ACCESS_CODE, REPROMPT_ACCESS_CODE, DISCONNECT, WAIT, JOIN, IN_CALL_ACTION, IGNORE, LEFT
}
