package com.callflowrules.rules;

import java.util.List;

/**
 * A decision failed in the rules: a rule threw, or the decision went past its
 * {@link DecisionBounds}. The message names the rule base version, what happened and the last
 * rules fired; {@link #kind()} tells a bound from an error, for metrics.
 */
public class RuleEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What stopped the decision. */
    public enum Kind {
        /** A rule threw. */
        RULE_ERROR,
        /** Too many rules fired, or the decision ran past its time. */
        BOUND_EXCEEDED
    }

    private final Kind kind;
    private final String ruleBaseVersion;
    private final List<String> lastRulesFired;

    public RuleEvaluationException(String message, Throwable cause) {
        this(message, cause, Kind.RULE_ERROR, null, List.of());
    }

    public RuleEvaluationException(
            String message, Throwable cause, Kind kind, String ruleBaseVersion, List<String> lastRulesFired) {
        super(message, cause);
        this.kind = kind;
        this.ruleBaseVersion = ruleBaseVersion;
        this.lastRulesFired = List.copyOf(lastRulesFired);
    }

    public Kind kind() {
        return kind;
    }

    public String ruleBaseVersion() {
        return ruleBaseVersion;
    }

    /** The last rules that fired before the failure, oldest first (at most a few). */
    public List<String> lastRulesFired() {
        return lastRulesFired;
    }
}
