package com.callflowrules.rules;

import java.time.Duration;

/**
 * How far one decision may go: at most {@code maxRulesFired} rule firings and {@code timeout}
 * of running time. A decision past either is stopped and fails; so is a build-time probe, which
 * is how a rule base that does not terminate is refused.
 */
public record DecisionBounds(int maxRulesFired, Duration timeout) {

    /** The defaults: far above what the shipped rules need (a few dozen firings, well under a millisecond). */
    public static final DecisionBounds DEFAULT = new DecisionBounds(10_000, Duration.ofSeconds(1));

    public DecisionBounds {
        if (maxRulesFired < 1) {
            throw new IllegalArgumentException("max rules fired must be at least 1, was " + maxRulesFired);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("decision timeout must be positive, was " + timeout);
        }
    }
}
