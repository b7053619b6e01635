package com.callflowrules.releases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one node runs, as it last wrote it.
 *
 * @param nodeId        the node ({@code callflow.rules.node-id})
 * @param version       the release it decides with
 * @param since         since when
 * @param seenAt        when it last wrote this row (when it changed, else every few polls)
 * @param failedVersion the published release it could not build, if any (it keeps {@code version})
 * @param failure       why, {@code file:line: reason} joined
 */
public record NodeStatus(
        String nodeId,
        String version,
        Instant since,
        Instant seenAt,
        @Nullable String failedVersion,
        @Nullable String failure) {

    /** The same status, as seen at {@code at}. */
    NodeStatus withSeenAt(Instant at) {
        return new NodeStatus(nodeId, version, since, at, failedVersion, failure);
    }
}
