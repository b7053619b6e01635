package com.callflowrules.session;

/** No running meeting has this sid (404). */
public class UnknownMeetingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownMeetingException(String meetingSid) {
        super("no running meeting " + meetingSid);
    }
}
