package com.callflowrules.rules;

/** A rule failed while deciding; the message names the rule and the rule base version. */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
