package com.callflowrules.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callflow.store.*}: the embedded store's upkeep.
 *
 * @param compactionInterval how often the embedded H2 file's half-empty chunks are rewritten
 */
@ConfigurationProperties("callflow.store")
public record StoreProperties(@DefaultValue("1s") Duration compactionInterval) {

    public StoreProperties {
        if (compactionInterval.isNegative() || compactionInterval.isZero()) {
            throw new IllegalArgumentException(
                    "callflow.store.compaction-interval must be positive, was " + compactionInterval);
        }
    }
}
