package com.callflowrules.session;

/**
 * An event could not be carried out because its rows stayed locked or contended through every
 * retry (a lock timeout, repeated lost races). Nothing was changed; the client may try again
 * (the HTTP API answers 503 with {@code Retry-After}).
 */
public class BusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
