package com.callflowrules.api;

/** A body that is JSON of the wrong shape (400), such as an array where an object belongs. */
public class MalformedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String message) {
        super(message);
    }
}
