package com.callflowrules.releases;

import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseException;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleMessage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps this node on the published release: reads which one is published (one indexed row, every
 * {@code callflow.rules.poll-interval}), builds a newly published one off the call path and swaps
 * it in; one that does not build here leaves the last good one deciding and is reported (its row
 * in {@code rule_nodes}, {@code GET /rules}, health), and is not tried again until another is
 * published. Writes what the node runs when it changes, and otherwise every
 * {@value #POLLS_PER_HEARTBEAT} polls, so {@code GET /rules} lists live nodes (those seen in the
 * last 5 polls and 5 s): a write at every poll kept an idle embedded store writing a chunk a second.
 */
@Component
public class ReleaseFollower {

    private static final Logger log = LoggerFactory.getLogger(ReleaseFollower.class);

    private final ReleaseRepository store;
    private final RuleBaseHolder ruleBases;
    private final Clock clock;
    private final String nodeId;
    private volatile Instant since;
    private volatile @Nullable String failedVersion;
    private volatile @Nullable String failure;

    /** Polls between two writes of an unchanged status. */
    static final int POLLS_PER_HEARTBEAT = 5;

    private final java.time.Duration heartbeat;
    private @Nullable NodeStatus written;

    ReleaseFollower(ReleaseRepository store, RuleBaseHolder ruleBases, Clock clock, ReleaseProperties settings) {
        this.store = store;
        this.ruleBases = ruleBases;
        this.clock = clock;
        this.nodeId = settings.nodeId().orElseGet(ReleaseFollower::defaultNodeId);
        this.since = clock.instant();
        this.heartbeat = settings.pollInterval().multipliedBy(POLLS_PER_HEARTBEAT);
    }

    public String nodeId() {
        return nodeId;
    }

    /** The published release this node could not build, if it is behind; null when it runs the published one. */
    public @Nullable String failedVersion() {
        return failedVersion;
    }

    public @Nullable String failure() {
        return failure;
    }

    /** One poll: follow the published release if it changed, then say what this node runs. */
    public synchronized void follow() {
        store.publication().ifPresent(publication -> {
            String published = publication.version();
            if (!published.equals(ruleBases.current().version()) && !published.equals(failedVersion)) {
                swapTo(published);
            } else if (published.equals(ruleBases.current().version())) {
                failedVersion = null;
                failure = null;
            }
        });
        Instant now = clock.instant();
        NodeStatus status = new NodeStatus(nodeId, ruleBases.current().version(), since, now, failedVersion, failure);
        if (written == null
                || !status.withSeenAt(written.seenAt()).equals(written)
                || !now.isBefore(written.seenAt().plus(heartbeat))) {
            store.node(status);
            written = status;
        }
    }

    private void swapTo(String version) {
        Map<String, String> files = store.files(version);
        Path directory = ReleaseFiles.temporary(files);
        try {
            RuleBase built = ruleBases.build(directory);
            if (!built.version().equals(version)) {
                throw new RuleBaseException(java.util.List.of(new RuleMessage(
                        "", 0, "release " + version + " builds as version " + built.version() + " on this node")));
            }
            ruleBases.run(built);
            since = clock.instant();
            failedVersion = null;
            failure = null;
            log.info("node {} runs rule release {}", nodeId, version);
        } catch (RuleBaseException e) {
            failedVersion = version;
            failure = e.messages().stream().map(RuleMessage::toString).collect(Collectors.joining("; "));
            ruleBases.refused(e.messages());
            log.error(
                    "node {} cannot build published rule release {}; {} keeps deciding: {}",
                    nodeId,
                    version,
                    ruleBases.current().version(),
                    failure);
        } finally {
            ReleaseFiles.delete(directory);
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        // two nodes in one process (tests) or a restarted process get names of their own
        return host + "/" + ProcessHandle.current().pid() + "/"
                + Integer.toHexString(
                        java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
