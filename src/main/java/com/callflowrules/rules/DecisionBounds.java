package com.callflowrules.rules;

import java.time.Duration;

/**
 * How far one decision may go: at most {@code maxRulesFired} rule firings, {@code timeout} of
 * running time and {@code maxAllocatedBytes} of memory allocated on its thread. A decision past
 * any of them is stopped and fails; so is a build-time probe, which is how a rule base that does
 * not terminate, or takes the heap, is refused.
 */
public record DecisionBounds(int maxRulesFired, Duration timeout, long maxAllocatedBytes) {

    /** 64 MiB: the shipped rules allocate well under one per decision. */
    public static final long DEFAULT_MAX_ALLOCATED_BYTES = 64L * 1024 * 1024;

    /** The defaults: far above what the shipped rules need (a few dozen firings, well under a millisecond). */
    public static final DecisionBounds DEFAULT =
            new DecisionBounds(10_000, Duration.ofSeconds(1), DEFAULT_MAX_ALLOCATED_BYTES);

    public DecisionBounds {
        if (maxRulesFired < 1) {
            throw new IllegalArgumentException("max rules fired must be at least 1, was " + maxRulesFired);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("decision timeout must be positive, was " + timeout);
        }
        if (maxAllocatedBytes < 1024 * 1024) {
            throw new IllegalArgumentException(
                    "max allocated bytes must be at least 1 MiB (1048576), was " + maxAllocatedBytes);
        }
    }

    /** Firings and time, with the default allocation bound. */
    public DecisionBounds(int maxRulesFired, Duration timeout) {
        this(maxRulesFired, timeout, DEFAULT_MAX_ALLOCATED_BYTES);
    }
}
