package com.callflowrules.decision;

import com.callflowrules.rules.RuleEvaluationException;
import java.util.List;

/**
 * The rule base could not decide an event: no rule gave a verdict, rules gave conflicting
 * verdicts, a rule failed, or the decision went past its bounds. The message names the event,
 * the rule base version and the cause; {@link #kind()} sorts failures for metrics.
 */
public class DecisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ruleBaseVersion;
    private final List<String> lastRulesFired;

    public DecisionException(String message) {
        this(message, null, null, List.of());
    }

    public DecisionException(String message, Throwable cause) {
        this(
                message,
                cause,
                cause instanceof RuleEvaluationException r ? r.ruleBaseVersion() : null,
                cause instanceof RuleEvaluationException r ? r.lastRulesFired() : List.of());
    }

    public DecisionException(String message, Throwable cause, String ruleBaseVersion, List<String> lastRulesFired) {
        super(message, cause);
        this.ruleBaseVersion = ruleBaseVersion;
        this.lastRulesFired = List.copyOf(lastRulesFired);
    }

    /** The rule base that failed to decide, when known. */
    public String ruleBaseVersion() {
        return ruleBaseVersion;
    }

    /** The last rules fired before the failure, oldest first. */
    public List<String> lastRulesFired() {
        return lastRulesFired;
    }

    /** {@code bound_exceeded}, {@code rule_error} or {@code no_single_verdict}. */
    public String kind() {
        return getCause() instanceof RuleEvaluationException r
                ? r.kind().name().toLowerCase(java.util.Locale.ROOT)
                : "no_single_verdict";
    }
}
