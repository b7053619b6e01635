package com.callflowrules.session;

/** No call has this sid (404). */
public class UnknownCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownCallException(String callSid) {
        super("no call " + callSid);
    }
}
