package com.callflowrules.api;

/** A body that is JSON of the wrong shape (400), such as an array where an object belongs. */
class MalformedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
        super(message);
    }
}
