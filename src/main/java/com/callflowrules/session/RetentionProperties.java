package com.callflowrules.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long history is kept ({@code callflow.retention.*}). Ended calls leave the hot
 * {@code calls} table at every sweep; ended calls and audit rows older than {@code maxAge} are
 * deleted, and so are the oldest beyond the row limits, but never a row younger than
 * {@code keepAtLeast}.
 *
 * @param enabled       whether the sweep runs
 * @param interval      the pause between two sweeps
 * @param maxAge        ended calls and audit rows older than this are deleted
 * @param keepAtLeast   rows younger than this are kept even past the row limits
 * @param maxAuditRows  the audit rows kept at most (then the oldest go)
 * @param maxEndedCalls the ended calls kept at most (then the oldest go)
 * @param batchSize     rows moved or deleted per transaction, so a sweep never holds a lock long
 */
@ConfigurationProperties("callflow.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration interval,
        @DefaultValue("7d") Duration maxAge,
        @DefaultValue("1h") Duration keepAtLeast,
        @DefaultValue("5000000") long maxAuditRows,
        @DefaultValue("1000000") long maxEndedCalls,
        @DefaultValue("1000") int batchSize) {

    public RetentionProperties {
        if (batchSize < 1 || maxAuditRows < 0 || maxEndedCalls < 0 || maxAge.isNegative() || keepAtLeast.isNegative()) {
            throw new IllegalArgumentException(
                    "callflow.retention: batch-size must be positive, limits and ages not negative");
        }
    }

    /** The defaults, as bound from an empty configuration. */
    public static RetentionProperties defaults() {
        return new RetentionProperties(
                true, Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), 5_000_000, 1_000_000, 1_000);
    }
}
