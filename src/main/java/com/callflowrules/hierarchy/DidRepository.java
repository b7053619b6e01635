package com.callflowrules.hierarchy;

import static com.callflowrules.hierarchy.AccountRepository.now;
import static com.callflowrules.hierarchy.AccountRepository.timestamp;
import static com.callflowrules.hierarchy.HierarchyChanges.did;
import static com.callflowrules.hierarchy.HierarchyChanges.keys;
import static com.callflowrules.hierarchy.HierarchyChanges.number;

import com.callflowrules.facts.Did;
import com.callflowrules.numbers.PhoneNumbers;
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

/** DIDs in the {@code dids} table; a phone number belongs to at most one DID. */
@Repository
public class DidRepository {

    private final JdbcClient jdbc;
    private final HierarchyChanges changes;
    private final Clock clock;
    private final LiveCalls liveCalls;

    public DidRepository(JdbcClient jdbc, HierarchyChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
        this.liveCalls = new LiveCalls(jdbc);
    }

    /**
     * Stores a new DID, its number in the canonical E.164 form ({@link PhoneNumbers}).
     * {@link ConflictException} naming the DID that holds the number when it is taken;
     * {@link UnknownReferenceException} when the account or group does not exist, or the group
     * belongs to another account.
     */
    public Did create(
            String accountSid,
            String phonenumber,
            String didGroupSid,
            String callFlowSid,
            Map<String, String> properties) {
        String number = canonical(phonenumber);
        refuseTaken(number, null);
        Did did = new Did(
                UUID.randomUUID().toString(), accountSid, number, didGroupSid, callFlowSid, properties, now(clock));
        ConstraintViolations.translate(
                false,
                () -> changes.writing(
                        keys(did(did.didSid()), number(number)),
                        () -> jdbc.sql("""
                        INSERT INTO dids (did_sid, account_sid, phonenumber, did_group_sid, call_flow_sid, properties, date_created)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                                .params(
                                        did.didSid(),
                                        did.accountSid(),
                                        did.phonenumber(),
                                        did.didGroupSid(),
                                        did.callFlowSid(),
                                        PropertiesJson.write(did.properties()),
                                        timestamp(did.dateCreated()))
                                .update()));
        return did;
    }

    /**
     * The stored object, its row locked until the transaction ends: a read-modify-write (a merge
     * patch) in one transaction cannot lose a concurrent writer's change.
     */
    public Optional<Did> findForUpdate(String didSid) {
        return jdbc.sql("SELECT * FROM dids WHERE did_sid = ? FOR UPDATE")
                .param(didSid)
                .query(DidRepository::map)
                .optional();
    }

    public Optional<Did> find(String didSid) {
        return jdbc.sql("SELECT * FROM dids WHERE did_sid = ?")
                .param(didSid)
                .query(DidRepository::map)
                .optional();
    }

    /** The DID of a dialed number, in any form {@link PhoneNumbers} reads: the first lookup of every call. */
    public Optional<Did> findByNumber(String phonenumber) {
        Optional<String> number = PhoneNumbers.canonical(phonenumber);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM dids WHERE phonenumber = ?")
                .param(number.get())
                .query(DidRepository::map)
                .optional();
    }

    public List<Did> list(String accountSid, int limit, int offset) {
        return jdbc.sql(
                        "SELECT * FROM dids WHERE (CAST(? AS VARCHAR) IS NULL OR account_sid = ?) ORDER BY date_created, did_sid LIMIT ? OFFSET ?")
                .params(accountSid, accountSid, limit, offset)
                .query(DidRepository::map)
                .list();
    }

    public int count(String accountSid) {
        return jdbc.sql("SELECT COUNT(*) FROM dids WHERE (CAST(? AS VARCHAR) IS NULL OR account_sid = ?)")
                .params(accountSid, accountSid)
                .query(Integer.class)
                .single();
    }

    /** Stores a changed DID, its number made canonical; {@link ConflictException} when another DID holds the number. */
    public boolean update(Did changed) {
        Did did = new Did(
                changed.didSid(),
                changed.accountSid(),
                canonical(changed.phonenumber()),
                changed.didGroupSid(),
                changed.callFlowSid(),
                changed.properties(),
                changed.dateCreated());
        refuseTaken(did.phonenumber(), did.didSid());
        return ConstraintViolations.translate(
                        false,
                        () -> changes.writing(
                                () -> staleKeys(did.didSid(), did.phonenumber()),
                                () -> jdbc.sql("""
                        UPDATE dids SET phonenumber = ?, did_group_sid = ?, call_flow_sid = ?, properties = ?
                        WHERE did_sid = ?""")
                                        .params(
                                                did.phonenumber(),
                                                did.didGroupSid(),
                                                did.callFlowSid(),
                                                PropertiesJson.write(did.properties()),
                                                did.didSid())
                                        .update()))
                == 1;
    }

    private static String canonical(String phonenumber) {
        return PhoneNumbers.canonical(phonenumber)
                .orElseThrow(() -> new IllegalArgumentException(
                        "phonenumber must be " + PhoneNumbers.RULE + ", not " + phonenumber));
    }

    /** A taken number is refused naming its holder; the unique constraint still settles a race between two writers. */
    private void refuseTaken(String number, String exceptDidSid) {
        findByNumber(number)
                .filter(holder -> !holder.didSid().equals(exceptDidSid))
                .ifPresent(holder -> {
                    throw new ConflictException(
                            "the phone number " + number + " is already used by DID " + holder.didSid());
                });
    }

    public boolean delete(String didSid) {
        return ConstraintViolations.translate(
                        true,
                        () -> changes.writing(() -> staleKeys(didSid, null), () -> {
                            liveCalls.refuseInUse("the DID", "did_sid", didSid);
                            return jdbc.sql("DELETE FROM dids WHERE did_sid = ?")
                                    .param(didSid)
                                    .update();
                        }))
                == 1;
    }

    /**
     * The DID, the number it has now and the number it is given: a cached lookup of any of them may
     * go stale. The row is locked so that no concurrent write changes the number read here.
     */
    private List<String> staleKeys(String didSid, String newNumber) {
        List<String> keys = new java.util.ArrayList<>(List.of(did(didSid)));
        jdbc.sql("SELECT phonenumber FROM dids WHERE did_sid = ? FOR UPDATE")
                .param(didSid)
                .query(String.class)
                .optional()
                .ifPresent(old -> keys.add(number(old)));
        if (newNumber != null) {
            keys.add(number(newNumber));
        }
        return keys;
    }

    private static Did map(ResultSet rs, int row) throws SQLException {
        return new Did(
                rs.getString("did_sid"),
                rs.getString("account_sid"),
                rs.getString("phonenumber"),
                rs.getString("did_group_sid"),
                rs.getString("call_flow_sid"),
                PropertiesJson.read(rs.getString("properties")),
                rs.getObject("date_created", OffsetDateTime.class).toInstant());
    }
}
