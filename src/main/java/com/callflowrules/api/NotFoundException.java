package com.callflowrules.api;

/** An unknown sid; answered with 404. */
class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
