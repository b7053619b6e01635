package com.callflowrules.releases;

import com.callflowrules.facts.Spelled;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Releases, their files and steps, the publication and the nodes, in the store every node shares. */
@Repository
class ReleaseRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReleaseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The published release and its publish serial, if any was published. */
    record Publication(String version, long serial, Instant publishedAt) {}

    void insert(Release release) {
        jdbc.sql("""
                        INSERT INTO rule_releases (version, state, base, author, message, created_at, messages, scenarios)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        release.version(),
                        release.state().spelling(),
                        release.base(),
                        release.author(),
                        release.message(),
                        timestamp(release.createdAt()),
                        json.writeValueAsString(release.messages()),
                        json.writeValueAsString(release.scenarios()))
                .update();
        release.files()
                .forEach((path, content) -> jdbc.sql(
                                "INSERT INTO rule_release_files (version, path, content) VALUES (?, ?, ?)")
                        .params(release.version(), path, content)
                        .update());
    }

    Optional<Release> find(String version) {
        return jdbc.sql("SELECT * FROM rule_releases WHERE version = ?")
                .param(version)
                .query(this::map)
                .optional();
    }

    /** The release, locked until the transaction ends: its steps are taken one at a time. */
    Optional<Release> lock(String version) {
        return jdbc.sql("SELECT * FROM rule_releases WHERE version = ? FOR UPDATE")
                .param(version)
                .query(this::map)
                .optional();
    }

    Map<String, String> files(String version) {
        Map<String, String> files = new LinkedHashMap<>();
        jdbc.sql("SELECT path, content FROM rule_release_files WHERE version = ? ORDER BY path")
                .param(version)
                .query(rs -> {
                    files.put(rs.getString("path"), rs.getString("content"));
                });
        return files;
    }

    /** Newest first, without their files. */
    List<Release> page(int offset, int limit) {
        return jdbc.sql("SELECT * FROM rule_releases ORDER BY created_at DESC, version LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(this::map)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM rule_releases").query(Long.class).single();
    }

    void setState(String version, ReleaseState state) {
        jdbc.sql("UPDATE rule_releases SET state = ? WHERE version = ?")
                .params(state.spelling(), version)
                .update();
    }

    void step(ReleaseStep step) {
        jdbc.sql("INSERT INTO rule_release_steps (version, from_state, to_state, actor, stepped_at, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        step.version(),
                        step.from() == null ? null : step.from().spelling(),
                        step.to().spelling(),
                        step.actor(),
                        timestamp(step.at()),
                        step.note())
                .update();
    }

    List<ReleaseStep> steps(String version) {
        return jdbc.sql("SELECT * FROM rule_release_steps WHERE version = ? ORDER BY id")
                .param(version)
                .query((rs, n) -> step(rs))
                .list();
    }

    /** Every publish, oldest first. */
    List<ReleaseStep> publishSteps() {
        return jdbc.sql("SELECT * FROM rule_release_steps WHERE to_state = 'published' ORDER BY id")
                .query((rs, n) -> step(rs))
                .list();
    }

    Optional<Publication> publication() {
        return jdbc.sql("SELECT version, publish_serial, published_at FROM rule_publication WHERE id = 1")
                .query((rs, n) -> new Publication(
                        rs.getString("version"), rs.getLong("publish_serial"), instant(rs, "published_at")))
                .optional();
    }

    /** The publication row, locked: publishes are taken one at a time. */
    Optional<Publication> lockPublication() {
        return jdbc.sql("SELECT version, publish_serial, published_at FROM rule_publication WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Publication(
                        rs.getString("version"), rs.getLong("publish_serial"), instant(rs, "published_at")))
                .optional();
    }

    /** Makes {@code version} the published one; the first publish creates the row (two racing: one fails at its key). */
    void publish(String version, Optional<Publication> before, Instant at) {
        if (before.isEmpty()) {
            jdbc.sql("INSERT INTO rule_publication (id, version, publish_serial, published_at) VALUES (1, ?, 1, ?)")
                    .params(version, timestamp(at))
                    .update();
        } else {
            jdbc.sql("UPDATE rule_publication SET version = ?, publish_serial = ?, published_at = ? WHERE id = 1")
                    .params(version, before.get().serial() + 1, timestamp(at))
                    .update();
        }
    }

    /** Writes what this node runs (and, if it could not build the published release, why). */
    void node(NodeStatus node) {
        int updated = jdbc.sql(
                        "UPDATE rule_nodes SET version = ?, since = ?, seen_at = ?, failed_version = ?, failure = ?"
                                + " WHERE node_id = ?")
                .params(
                        node.version(),
                        timestamp(node.since()),
                        timestamp(node.seenAt()),
                        node.failedVersion(),
                        node.failure(),
                        node.nodeId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rule_nodes (node_id, version, since, seen_at, failed_version, failure)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            node.nodeId(),
                            node.version(),
                            timestamp(node.since()),
                            timestamp(node.seenAt()),
                            node.failedVersion(),
                            node.failure())
                    .update();
        }
    }

    /** The nodes seen since {@code after}, by name. */
    List<NodeStatus> nodes(Instant after) {
        return jdbc.sql("SELECT * FROM rule_nodes WHERE seen_at > ? ORDER BY node_id")
                .param(timestamp(after))
                .query((rs, n) -> new NodeStatus(
                        rs.getString("node_id"),
                        rs.getString("version"),
                        instant(rs, "since"),
                        instant(rs, "seen_at"),
                        rs.getString("failed_version"),
                        rs.getString("failure")))
                .list();
    }

    private Release map(ResultSet rs, int row) throws SQLException {
        return new Release(
                rs.getString("version"),
                Spelled.parse(ReleaseState.class, rs.getString("state")),
                rs.getString("base"),
                rs.getString("author"),
                rs.getString("message"),
                instant(rs, "created_at"),
                json.readValue(rs.getString("messages"), STRINGS),
                json.readValue(rs.getString("scenarios"), ScenarioOutcome.class),
                Map.of());
    }

    private static ReleaseStep step(ResultSet rs) throws SQLException {
        String from = rs.getString("from_state");
        return new ReleaseStep(
                rs.getString("version"),
                from == null ? null : Spelled.parse(ReleaseState.class, from),
                Spelled.parse(ReleaseState.class, rs.getString("to_state")),
                rs.getString("actor"),
                instant(rs, "stepped_at"),
                rs.getString("note"));
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
