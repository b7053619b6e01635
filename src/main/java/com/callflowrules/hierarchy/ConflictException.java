package com.callflowrules.hierarchy;

/** A write that would break the hierarchy's integrity (a duplicate, or a delete of an object still referenced). Nothing was changed. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
