package com.callflowrules.releases;

/** A step the release's state does not allow (publishing a refused draft, say): 409. */
public class ReleaseConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseConflictException(String message) {
        super(message);
    }
}
