package com.callflowrules.releases;

/** A step the actor may not take on this release (four-eyes: its own author): 403. */
public class ReleaseForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseForbiddenException(String message) {
        super(message);
    }
}
