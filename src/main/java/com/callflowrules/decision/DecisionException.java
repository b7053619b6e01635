package com.callflowrules.decision;

/**
 * The rule base could not decide an event: no rule gave a verdict, rules gave conflicting
 * verdicts, or a rule failed. The message names the event, the rule base version and the cause.
 */
public class DecisionException extends RuntimeException {

    public DecisionException(String message) {
        super(message);
    }

    public DecisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
