package com.callflowrules.scenario;

/** A scenario file that cannot be read or run as written; the message names the file and line. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }
}
