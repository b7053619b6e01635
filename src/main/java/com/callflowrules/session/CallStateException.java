package com.callflowrules.session;

/** The event does not fit the call's state, e.g. a code for a call already in a meeting (409). */
public class CallStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CallStateException(String message) {
        super(message);
    }
}
