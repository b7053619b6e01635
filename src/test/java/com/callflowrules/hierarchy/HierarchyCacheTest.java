package com.callflowrules.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.Role;
import com.callflowrules.support.Databases;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hierarchy cache against a real database, with two caches standing for two nodes: what one
 * node writes, the other's next read sees; what a transaction read while writing, or read before
 * someone else's write committed, is never kept.
 */
class HierarchyCacheTest {

    private DataSource dataSource;
    private HierarchyStore nodeA;
    private HierarchyStore nodeB;
    private TransactionTemplate transactions;
    private Account account;
    private Did did;

    @BeforeEach
    void twoNodes() {
        dataSource = Databases.h2();
        nodeA = HierarchyStore.on(dataSource, Clock.systemUTC());
        nodeB = HierarchyStore.on(dataSource, Clock.systemUTC());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        account = nodeA.accounts().create("Acme", null, Map.of());
        did = nodeA.dids().create(account.accountSid(), "15551230001", null, null, Map.of("conference_moh", "jazz"));
    }

    private Did readOn(HierarchyStore node, String number) {
        return transactions
                .execute(status -> node.cache().reads().didByNumber(number))
                .orElse(null);
    }

    @Test
    void aRepeatedReadIsServedFromTheCache() {
        readOn(nodeB, "15551230001");
        long misses = nodeB.cache().misses();

        Did again = readOn(nodeB, "15551230001");

        assertThat(again).isEqualTo(did);
        assertThat(nodeB.cache().misses()).isEqualTo(misses);
        assertThat(nodeB.cache().hits()).isPositive();
    }

    @Test
    void aWriteOnOneNodeIsSeenByTheOthersNextRead() {
        readOn(nodeB, "15551230001");
        readOn(nodeB, "15551230002");

        Did moved = new Did(
                did.didSid(),
                did.accountSid(),
                "+15551230002",
                null,
                null,
                Map.of("conference_moh", "rock"),
                did.dateCreated());
        nodeA.dids().update(moved);

        assertThat(readOn(nodeB, "15551230001"))
                .as("the old number, cached as a DID")
                .isNull();
        assertThat(readOn(nodeB, "15551230002"))
                .as("the new number, cached as unknown")
                .isEqualTo(moved);
        Optional<Did> bySid = transactions.execute(s -> nodeB.cache().reads().did(did.didSid()));
        assertThat(bySid).contains(moved);
    }

    @Test
    void everyKindOfObjectIsEvictedByItsWrite() {
        DidGroup group = nodeA.groups().create(account.accountSid(), "Sales", null, Map.of());
        MeetingRoom room = nodeA.rooms()
                .create(
                        account.accountSid(),
                        "R",
                        group.didGroupSid(),
                        List.of(new AccessCode("42", Role.HOST)),
                        Map.of(),
                        false);
        transactions.execute(s -> {
            HierarchyCache.Reads reads = nodeB.cache().reads();
            return List.of(
                    reads.account(account.accountSid()),
                    reads.group(group.didGroupSid()),
                    reads.room(room.meetingRoomSid()),
                    reads.roomsWithCode(account.accountSid(), group.didGroupSid(), "42"));
        });

        nodeA.accounts().update(new Account(account.accountSid(), "Acme 2", null, Map.of(), account.dateCreated()));
        nodeA.groups()
                .update(new DidGroup(
                        group.didGroupSid(), account.accountSid(), "Sales 2", null, Map.of(), group.dateCreated()));
        nodeA.rooms()
                .update(new MeetingRoom(
                        room.meetingRoomSid(),
                        account.accountSid(),
                        "R2",
                        group.didGroupSid(),
                        List.of(new AccessCode("43", Role.HOST)),
                        Map.of(),
                        false,
                        room.dateCreated()));

        transactions.execute(s -> {
            HierarchyCache.Reads reads = nodeB.cache().reads();
            assertThat(reads.account(account.accountSid()).orElseThrow().name()).isEqualTo("Acme 2");
            assertThat(reads.group(group.didGroupSid()).orElseThrow().name()).isEqualTo("Sales 2");
            assertThat(reads.room(room.meetingRoomSid()).orElseThrow().name()).isEqualTo("R2");
            assertThat(reads.roomsWithCode(account.accountSid(), group.didGroupSid(), "42"))
                    .isEmpty();
            assertThat(reads.roomsWithCode(account.accountSid(), group.didGroupSid(), "43"))
                    .hasSize(1);
            return null;
        });
    }

    @Test
    void whatATransactionReadAfterWritingIsNotKeptWhenItRollsBack() {
        String roomSid = transactions.execute(status -> {
            HierarchyCache.Reads reads = nodeA.cache().reads();
            MeetingRoom created = nodeA.rooms()
                    .create(
                            account.accountSid(),
                            "ad hoc",
                            null,
                            List.of(new AccessCode("77", Role.HOST)),
                            Map.of(),
                            true);
            assertThat(reads.room(created.meetingRoomSid()))
                    .as("its own uncommitted room")
                    .isPresent();
            assertThat(reads.roomsWithCode(account.accountSid(), null, "77")).hasSize(1);
            status.setRollbackOnly();
            return created.meetingRoomSid();
        });

        transactions.execute(status -> {
            HierarchyCache.Reads reads = nodeA.cache().reads();
            assertThat(reads.room(roomSid)).isEmpty();
            assertThat(reads.roomsWithCode(account.accountSid(), null, "77")).isEmpty();
            return null;
        });
    }

    @Test
    void aReadThatRacedAWriteIsNotKept() {
        // A reader takes its version; a write commits; the node catches up; only then does the reader load.
        HierarchyCache.Reads racing =
                transactions.execute(status -> nodeB.cache().reads());
        nodeA.dids()
                .update(new Did(
                        did.didSid(),
                        did.accountSid(),
                        did.phonenumber(),
                        null,
                        null,
                        Map.of("conference_moh", "rock"),
                        did.dateCreated()));
        readOn(nodeB, "15551239999");
        racing.didByNumber("15551230001");
        long misses = nodeB.cache().misses();

        Did read = readOn(nodeB, "15551230001");

        assertThat(nodeB.cache().misses())
                .as("what the racing reader loaded was not kept")
                .isEqualTo(misses + 1);
        assertThat(read.properties()).containsEntry("conference_moh", "rock");
    }

    @Test
    void aWriteAroundTheChangeLogDropsTheWholeCache() {
        readOn(nodeB, "15551230001");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // by hand: the row is changed and the version bumped, but no change is listed
        jdbc.sql("UPDATE dids SET properties = '{\"conference_moh\": \"by-hand\"}' WHERE did_sid = ?")
                .param(did.didSid())
                .update();
        jdbc.sql("UPDATE hierarchy_version SET version = version + 1").update();

        assertThat(readOn(nodeB, "15551230001").properties()).containsEntry("conference_moh", "by-hand");
    }

    @Test
    void aDatabaseCreatedAnewIsNotMistakenForTheCachedOne() {
        readOn(nodeB, "15551230001");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long version = jdbc.sql("SELECT version FROM hierarchy_version")
                .query(Long.class)
                .single();
        // a restored database: another history that happens to reach the same version number
        jdbc.sql("DELETE FROM dids").update();
        jdbc.sql("UPDATE hierarchy_version SET epoch = 'restored', version = ?")
                .param(version)
                .update();

        assertThat(readOn(nodeB, "15551230001")).isNull();
    }
}
