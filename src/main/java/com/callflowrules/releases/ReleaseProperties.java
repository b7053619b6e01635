package com.callflowrules.releases;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callflow.rules.*} of the service: how releases are approved and followed.
 *
 * @param fourEyes     a release cannot be approved or published by its own author
 * @param pollInterval how often a node reads which release is published (a publish reaches every
 *                     node within this plus the build time)
 * @param nodeId       this node's name in {@code GET /rules}; by default host name and process id
 */
@ConfigurationProperties("callflow.rules")
public record ReleaseProperties(
        @DefaultValue("false") boolean fourEyes,
        @DefaultValue("1s") Duration pollInterval,
        Optional<String> nodeId) {

    public ReleaseProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("callflow.rules.poll-interval must be positive");
        }
        nodeId = nodeId == null ? Optional.empty() : nodeId;
    }
}
