package com.callflowrules.session;

/** No running meeting has this sid (404). */
public class UnknownMeetingException extends RuntimeException {

    public UnknownMeetingException(String meetingSid) {
        super("no running meeting " + meetingSid);
    }
}
