package com.callflowrules.scenario;

/** A scenario file that cannot be read or run as written; the message names the file and line. */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }
}
