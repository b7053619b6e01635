package com.callflowrules.hierarchy;

import static com.callflowrules.hierarchy.AccountRepository.now;
import static com.callflowrules.hierarchy.AccountRepository.timestamp;
import static com.callflowrules.hierarchy.HierarchyChanges.group;
import static com.callflowrules.hierarchy.HierarchyChanges.keys;

import com.callflowrules.facts.DidGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** DID groups in the {@code did_groups} table. */
@Repository
public class DidGroupRepository {

    private final JdbcClient jdbc;
    private final HierarchyChanges changes;
    private final Clock clock;

    public DidGroupRepository(JdbcClient jdbc, HierarchyChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** Stores a new group of {@code accountSid}; {@link UnknownReferenceException} when the account does not exist. */
    public DidGroup create(String accountSid, String name, String callFlowSid, Map<String, String> properties) {
        DidGroup group =
                new DidGroup(UUID.randomUUID().toString(), accountSid, name, callFlowSid, properties, now(clock));
        ConstraintViolations.translate(
                false,
                () -> changes.writing(
                        keys(group(group.didGroupSid())),
                        () -> jdbc.sql("""
                        INSERT INTO did_groups (did_group_sid, account_sid, name, call_flow_sid, properties, date_created)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                                .params(
                                        group.didGroupSid(),
                                        group.accountSid(),
                                        group.name(),
                                        group.callFlowSid(),
                                        PropertiesJson.write(group.properties()),
                                        timestamp(group.dateCreated()))
                                .update()));
        return group;
    }

    /**
     * The stored object, its row locked until the transaction ends: a read-modify-write (a merge
     * patch) in one transaction cannot lose a concurrent writer's change.
     */
    public Optional<DidGroup> findForUpdate(String didGroupSid) {
        return jdbc.sql("SELECT * FROM did_groups WHERE did_group_sid = ? FOR UPDATE")
                .param(didGroupSid)
                .query(DidGroupRepository::map)
                .optional();
    }

    public Optional<DidGroup> find(String didGroupSid) {
        return jdbc.sql("SELECT * FROM did_groups WHERE did_group_sid = ?")
                .param(didGroupSid)
                .query(DidGroupRepository::map)
                .optional();
    }

    /** A page of groups, of one account when {@code accountSid} is not null. */
    public List<DidGroup> list(String accountSid, int limit, int offset) {
        return jdbc.sql(
                        "SELECT * FROM did_groups WHERE (CAST(? AS VARCHAR) IS NULL OR account_sid = ?) ORDER BY date_created, did_group_sid LIMIT ? OFFSET ?")
                .params(accountSid, accountSid, limit, offset)
                .query(DidGroupRepository::map)
                .list();
    }

    public int count(String accountSid) {
        return jdbc.sql("SELECT COUNT(*) FROM did_groups WHERE (CAST(? AS VARCHAR) IS NULL OR account_sid = ?)")
                .params(accountSid, accountSid)
                .query(Integer.class)
                .single();
    }

    public boolean update(DidGroup group) {
        return ConstraintViolations.translate(
                        false,
                        () -> changes.writing(
                                keys(group(group.didGroupSid())),
                                () -> jdbc.sql(
                                                "UPDATE did_groups SET name = ?, call_flow_sid = ?, properties = ? WHERE did_group_sid = ?")
                                        .params(
                                                group.name(),
                                                group.callFlowSid(),
                                                PropertiesJson.write(group.properties()),
                                                group.didGroupSid())
                                        .update()))
                == 1;
    }

    /** Deletes the group; {@link ConflictException} while DIDs or rooms refer to it. */
    public boolean delete(String didGroupSid) {
        return ConstraintViolations.translate(
                        true,
                        () -> changes.writing(
                                keys(group(didGroupSid)),
                                () -> jdbc.sql("DELETE FROM did_groups WHERE did_group_sid = ?")
                                        .param(didGroupSid)
                                        .update()))
                == 1;
    }

    private static DidGroup map(ResultSet rs, int row) throws SQLException {
        return new DidGroup(
                rs.getString("did_group_sid"),
                rs.getString("account_sid"),
                rs.getString("name"),
                rs.getString("call_flow_sid"),
                PropertiesJson.read(rs.getString("properties")),
                rs.getObject("date_created", OffsetDateTime.class).toInstant());
    }
}
