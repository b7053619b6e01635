package com.callflowrules.releases;

/** No release (or no such file of one) by that version: 404. */
public class UnknownReleaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownReleaseException(String message) {
        super(message);
    }
}
