package com.callflowrules.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callflowrules.facts.AccessCode;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.facts.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's behaviour and integrity, run on every database the product supports: each subclass
 * supplies a migrated database.
 */
abstract class HierarchyStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    private AccountRepository accounts;
    private DidGroupRepository groups;
    private DidRepository dids;
    private MeetingRoomRepository rooms;

    /** A migrated, empty database. */
    abstract DataSource dataSource();

    @BeforeEach
    void store() {
        DataSource dataSource = dataSource();
        HierarchyStore store = HierarchyStore.on(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
        accounts = store.accounts();
        groups = store.groups();
        dids = store.dids();
        rooms = store.rooms();
    }

    @Test
    void anAccountIsStoredReadUpdatedAndDeleted() {
        Account created = accounts.create("Acme", "flow-1", Map.of("did_language", "de_DE", "conference_moh", "jazz"));

        assertThat(accounts.find(created.accountSid())).contains(created);
        assertThat(created.dateCreated()).isEqualTo(NOW);
        Account renamed = new Account(created.accountSid(), "Acme Ltd", null, Map.of(), created.dateCreated());
        assertThat(accounts.update(renamed)).isTrue();
        assertThat(accounts.find(created.accountSid())).contains(renamed);
        assertThat(accounts.delete(created.accountSid())).isTrue();
        assertThat(accounts.find(created.accountSid())).isEmpty();
        assertThat(accounts.delete(created.accountSid())).isFalse();
    }

    @Test
    void propertiesKeepTheirOrderAndValuesExactly() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("did_prompt_serial", "001");
        properties.put("conference_mute_policy", "");
        properties.put("call_mute_dtmf_binding", "*6");

        Account account = accounts.create("Acme", null, properties);

        assertThat(accounts.find(account.accountSid()).orElseThrow().properties())
                .containsExactlyEntriesOf(properties);
    }

    @Test
    void aGroupOrDidOfAnAccountThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> groups.create("no-such-account", "Sales", null, Map.of()))
                .isInstanceOfSatisfying(
                        UnknownReferenceException.class,
                        e -> assertThat(e.field()).isEqualTo("account_sid"));
        assertThatThrownBy(() -> dids.create("no-such-account", "15550001000", null, null, Map.of()))
                .isInstanceOf(UnknownReferenceException.class);
        assertThat(groups.count(null)).isZero();
        assertThat(dids.count(null)).isZero();
    }

    @Test
    void aPhoneNumberBelongsToOneDidOnly() {
        Account account = accounts.create("Acme", null, Map.of());
        Did first = dids.create(account.accountSid(), "15550001000", null, null, Map.of());

        assertThatThrownBy(() -> dids.create(account.accountSid(), "15550001000", null, null, Map.of()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("phone number");
        assertThat(dids.count(account.accountSid())).isEqualTo(1);
        assertThat(dids.findByNumber("15550001000")).contains(first);
        assertThat(dids.findByNumber("15550009999")).isEmpty();
    }

    @Test
    void aDidCannotJoinAGroupOfAnotherAccount() {
        Account acme = accounts.create("Acme", null, Map.of());
        Account other = accounts.create("Other", null, Map.of());
        DidGroup othersGroup = groups.create(other.accountSid(), "Theirs", null, Map.of());

        assertThatThrownBy(
                        () -> dids.create(acme.accountSid(), "15550001000", othersGroup.didGroupSid(), null, Map.of()))
                .isInstanceOfSatisfying(
                        UnknownReferenceException.class,
                        e -> assertThat(e.field()).isEqualTo("did_group_sid"));
        assertThatThrownBy(() ->
                        rooms.create(acme.accountSid(), "Room", othersGroup.didGroupSid(), List.of(), Map.of(), false))
                .isInstanceOf(UnknownReferenceException.class);
    }

    @Test
    void anAccessCodeIsUniquePerAccountAndDidGroupScope() {
        Account acme = accounts.create("Acme", null, Map.of());
        Account other = accounts.create("Other", null, Map.of());
        DidGroup sales = groups.create(acme.accountSid(), "Sales", null, Map.of());
        DidGroup support = groups.create(acme.accountSid(), "Support", null, Map.of());
        rooms.create(acme.accountSid(), "Sales room", sales.didGroupSid(), codes("1234"), Map.of(), false);

        assertThatThrownBy(() -> rooms.create(
                        acme.accountSid(), "Clash", sales.didGroupSid(), codes("5678", "1234"), Map.of(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("access code");
        assertThat(rooms.count(acme.accountSid()))
                .as("the refused room was not stored, nor its other code")
                .isEqualTo(1);
        assertThat(rooms.roomsWithCode(acme.accountSid(), sales.didGroupSid(), "5678"))
                .isEmpty();

        rooms.create(acme.accountSid(), "Support room", support.didGroupSid(), codes("1234"), Map.of(), false);
        rooms.create(acme.accountSid(), "Account-wide", null, codes("1234"), Map.of(), false);
        rooms.create(other.accountSid(), "Other's", null, codes("1234"), Map.of(), false);
        assertThatThrownBy(() -> rooms.create(acme.accountSid(), "Clash", null, codes("1234"), Map.of(), false))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCodeListedTwiceInOneRoomIsRefused() {
        Account acme = accounts.create("Acme", null, Map.of());

        assertThatThrownBy(() -> rooms.create(
                        acme.accountSid(),
                        "Room",
                        null,
                        List.of(new AccessCode("1", Role.HOST), new AccessCode("1", Role.PARTICIPANT)),
                        Map.of(),
                        false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("twice");
        assertThat(rooms.count(acme.accountSid())).isZero();
    }

    @Test
    void movingARoomIntoAScopeWhereItsCodeIsTakenIsRefusedAndChangesNothing() {
        Account acme = accounts.create("Acme", null, Map.of());
        DidGroup sales = groups.create(acme.accountSid(), "Sales", null, Map.of());
        rooms.create(acme.accountSid(), "Sales room", sales.didGroupSid(), codes("1234"), Map.of(), false);
        MeetingRoom wide = rooms.create(
                acme.accountSid(), "Wide", null, codes("1234", "99"), Map.of("conference_moh", "a"), false);
        MeetingRoom moved = new MeetingRoom(
                wide.meetingRoomSid(),
                wide.accountSid(),
                "Moved",
                sales.didGroupSid(),
                wide.accessCodes(),
                Map.of(),
                false,
                wide.dateCreated());

        assertThatThrownBy(() -> rooms.update(moved)).isInstanceOf(ConflictException.class);
        assertThat(rooms.find(wide.meetingRoomSid())).contains(wide);
    }

    @Test
    void roomsWithCodeFindsTheGroupsRoomAndTheAccountWideRoomOnly() {
        Account acme = accounts.create("Acme", null, Map.of());
        DidGroup sales = groups.create(acme.accountSid(), "Sales", null, Map.of());
        DidGroup support = groups.create(acme.accountSid(), "Support", null, Map.of());
        MeetingRoom salesRoom =
                rooms.create(acme.accountSid(), "Sales", sales.didGroupSid(), codes("1234", "1"), Map.of(), false);
        MeetingRoom wide = rooms.create(acme.accountSid(), "Wide", null, codes("1234"), Map.of(), true);
        rooms.create(acme.accountSid(), "Support", support.didGroupSid(), codes("1234"), Map.of(), false);

        assertThat(rooms.roomsWithCode(acme.accountSid(), sales.didGroupSid(), "1234"))
                .containsExactlyInAnyOrder(salesRoom, wide);
        assertThat(rooms.roomsWithCode(acme.accountSid(), null, "1234")).containsExactly(wide);
        assertThat(rooms.roomsWithCode(acme.accountSid(), sales.didGroupSid(), "1"))
                .containsExactly(salesRoom);
        assertThat(wide.adHoc()).isTrue();
    }

    @Test
    void objectsStillReferencedCannotBeDeleted() {
        Account acme = accounts.create("Acme", null, Map.of());
        DidGroup sales = groups.create(acme.accountSid(), "Sales", null, Map.of());
        Did did = dids.create(acme.accountSid(), "15550001000", sales.didGroupSid(), null, Map.of());

        assertThatThrownBy(() -> groups.delete(sales.didGroupSid()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("still referenced by DIDs");
        assertThatThrownBy(() -> accounts.delete(acme.accountSid()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("still referenced");
        assertThat(groups.find(sales.didGroupSid())).isPresent();

        dids.delete(did.didSid());
        assertThat(groups.delete(sales.didGroupSid())).isTrue();
        assertThat(accounts.delete(acme.accountSid())).isTrue();
    }

    @Test
    void deletingARoomFreesItsCodes() {
        Account acme = accounts.create("Acme", null, Map.of());
        MeetingRoom room = rooms.create(acme.accountSid(), "Room", null, codes("42"), Map.of(), false);

        assertThat(rooms.delete(room.meetingRoomSid())).isTrue();

        assertThat(rooms.create(acme.accountSid(), "Again", null, codes("42"), Map.of(), false)
                        .accessCodes())
                .containsExactly(new AccessCode("42", Role.PARTICIPANT));
    }

    @Test
    void listsArePagedAndFilteredByAccount() {
        Account acme = accounts.create("Acme", null, Map.of());
        Account other = accounts.create("Other", null, Map.of());
        for (int i = 0; i < 5; i++) {
            dids.create(acme.accountSid(), "1555000100" + i, null, null, Map.of());
        }
        dids.create(other.accountSid(), "15550002000", null, null, Map.of());

        assertThat(dids.count(acme.accountSid())).isEqualTo(5);
        assertThat(dids.count(null)).isEqualTo(6);
        assertThat(dids.list(acme.accountSid(), 2, 0)).hasSize(2);
        assertThat(dids.list(acme.accountSid(), 10, 4)).hasSize(1);
        assertThat(dids.list(acme.accountSid(), 10, 0))
                .allMatch(d -> d.accountSid().equals(acme.accountSid()));
        assertThat(accounts.list(10, 0)).extracting(Account::name).containsExactlyInAnyOrder("Acme", "Other");
    }

    @Test
    void concurrentWritersOfOneCodeInOneScopeCannotBothWin() throws Exception {
        Account acme = accounts.create("Acme", null, Map.of());
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                Callable<Boolean> write = () -> {
                    start.await();
                    try {
                        rooms.create(acme.accountSid(), "Room", null, codes("777"), Map.of(), true);
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(rooms.count(acme.accountSid())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<AccessCode> codes(String... codes) {
        return java.util.Arrays.stream(codes)
                .map(c -> new AccessCode(c, Role.PARTICIPANT))
                .toList();
    }
}
