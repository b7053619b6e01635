package com.callflowrules.hierarchy;

import static com.callflowrules.hierarchy.HierarchyChanges.account;
import static com.callflowrules.hierarchy.HierarchyChanges.keys;

import com.callflowrules.facts.Account;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the {@code accounts} table. */
@Repository
public class AccountRepository {

    private final JdbcClient jdbc;
    private final HierarchyChanges changes;
    private final Clock clock;

    public AccountRepository(JdbcClient jdbc, HierarchyChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** Stores a new account with a fresh sid and creation time. */
    public Account create(String name, String callFlowSid, java.util.Map<String, String> properties) {
        Account account = new Account(UUID.randomUUID().toString(), name, callFlowSid, properties, now(clock));
        ConstraintViolations.translate(
                false,
                () -> changes.writing(
                        keys(account(account.accountSid())),
                        () -> jdbc.sql("""
                        INSERT INTO accounts (account_sid, name, call_flow_sid, properties, date_created)
                        VALUES (?, ?, ?, ?, ?)""")
                                .params(
                                        account.accountSid(),
                                        account.name(),
                                        account.callFlowSid(),
                                        PropertiesJson.write(account.properties()),
                                        timestamp(account.dateCreated()))
                                .update()));
        return account;
    }

    /**
     * The stored object, its row locked until the transaction ends: a read-modify-write (a merge
     * patch) in one transaction cannot lose a concurrent writer's change.
     */
    public Optional<Account> findForUpdate(String accountSid) {
        return jdbc.sql("SELECT * FROM accounts WHERE account_sid = ? FOR UPDATE")
                .param(accountSid)
                .query(AccountRepository::map)
                .optional();
    }

    public Optional<Account> find(String accountSid) {
        return jdbc.sql("SELECT * FROM accounts WHERE account_sid = ?")
                .param(accountSid)
                .query(AccountRepository::map)
                .optional();
    }

    public List<Account> list(int limit, int offset) {
        return jdbc.sql("SELECT * FROM accounts ORDER BY date_created, account_sid LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(AccountRepository::map)
                .list();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts").query(Integer.class).single();
    }

    /** Replaces the writable fields; false when there is no such account. */
    public boolean update(Account account) {
        return ConstraintViolations.translate(
                        false,
                        () -> changes.writing(
                                keys(account(account.accountSid())),
                                () -> jdbc.sql(
                                                "UPDATE accounts SET name = ?, call_flow_sid = ?, properties = ? WHERE account_sid = ?")
                                        .params(
                                                account.name(),
                                                account.callFlowSid(),
                                                PropertiesJson.write(account.properties()),
                                                account.accountSid())
                                        .update()))
                == 1;
    }

    /** Deletes the account; {@link ConflictException} while DID groups, DIDs or rooms refer to it. */
    public boolean delete(String accountSid) {
        return ConstraintViolations.translate(
                        true,
                        () -> changes.writing(
                                keys(account(accountSid)),
                                () -> jdbc.sql("DELETE FROM accounts WHERE account_sid = ?")
                                        .param(accountSid)
                                        .update()))
                == 1;
    }

    /** Now, at the microsecond precision both databases store, so a created object equals its stored form. */
    static java.time.Instant now(Clock clock) {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static OffsetDateTime timestamp(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getString("account_sid"),
                rs.getString("name"),
                rs.getString("call_flow_sid"),
                PropertiesJson.read(rs.getString("properties")),
                rs.getObject("date_created", OffsetDateTime.class).toInstant());
    }
}
