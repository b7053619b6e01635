package com.callflowrules.hierarchy;

import com.callflowrules.facts.Account;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.callflowrules.numbers.PhoneNumbers;
import com.github.benmanes.caffeine.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hierarchy reads of the call path (DID by number and by sid, group, account, room, rooms
 * owning a code), cached per node and never stale. Each event's transaction first asks for
 * {@link #reads()}: one indexed read of {@code hierarchy_version} tells whether any node has
 * written the hierarchy since this cache last looked; if so, the keys those writes listed in
 * {@code hierarchy_changes} are dropped before anything is answered. So a write committed on any
 * node is seen by the very next decision on every node, at the cost of one primary-key read per
 * event. A read that raced a write is not kept: entries are stored only while the cache is still
 * at the version the reading transaction started from, and never by a transaction that has
 * written the hierarchy itself (it may see its own uncommitted rows).
 */
@Component
public class HierarchyCache {

    /** Entries per kind unless told otherwise. */
    public static final long DEFAULT_SIZE = 100_000;

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final DidGroupRepository groups;
    private final DidRepository dids;
    private final MeetingRoomRepository rooms;
    private final boolean enabled;

    private final CachedNodes cached;

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * Catching up takes the write lock; storing takes the read lock, so stores never block one
     * another (a global monitor here made request threads queue behind a preempted holder).
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Written under the write lock; read without it only to skip it when nothing changed. */
    private volatile long version = -1;

    private volatile String epoch = "";

    /** The service's cache, sized by {@code callflow.hierarchy-cache.size}. */
    @org.springframework.beans.factory.annotation.Autowired
    public HierarchyCache(
            JdbcClient jdbc,
            AccountRepository accounts,
            DidGroupRepository groups,
            DidRepository dids,
            MeetingRoomRepository rooms,
            HierarchyCacheProperties properties) {
        this(jdbc, accounts, groups, dids, rooms, properties.size());
    }

    public HierarchyCache(
            JdbcClient jdbc,
            AccountRepository accounts,
            DidGroupRepository groups,
            DidRepository dids,
            MeetingRoomRepository rooms,
            long size) {
        if (size < 0) {
            throw new IllegalArgumentException("hierarchy cache size must not be negative, was " + size);
        }
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.dids = dids;
        this.rooms = rooms;
        this.enabled = size > 0;
        this.cached = new CachedNodes(size);
    }

    /**
     * The hierarchy as of now, for one transaction: call inside the transaction that will act on
     * the answers, so that the version read and the rows read belong together.
     */
    public Reads reads() {
        if (!enabled) {
            return new Reads(-1);
        }
        var row = jdbc.sql("SELECT version, epoch FROM hierarchy_version WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seen = (Long) row[0];
        String seenEpoch = (String) row[1];
        if (seen > version || !seenEpoch.equals(epoch)) {
            catchUp(seen, seenEpoch);
        }
        return new Reads(seen);
    }

    /** Lookups answered from the cache since start. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that went to the store since start. */
    public long misses() {
        return misses.sum();
    }

    private void catchUp(long seen, String seenEpoch) {
        lock.writeLock().lock();
        try {
            catchUpLocked(seen, seenEpoch);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void catchUpLocked(long seen, String seenEpoch) {
        if (!seenEpoch.equals(epoch)) {
            // A database created anew: version numbers start over and mean other changes.
            cached.clear();
            epoch = seenEpoch;
            version = seen;
            return;
        }
        if (seen <= version) {
            return;
        }
        List<Object[]> changes = jdbc.sql(
                        "SELECT version, change_key FROM hierarchy_changes WHERE version > ? AND version <= ?")
                .params(version, seen)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        long versionsListed =
                changes.stream().map(change -> change[0]).distinct().count();
        if (versionsListed < seen - version) {
            // Pruned (or written around the log): which keys went stale is unknown, so all may have.
            cached.clear();
        } else {
            changes.forEach(change -> cached.evict((String) change[1]));
        }
        version = seen;
    }

    /** Runs {@code store} only while no write has been caught up since {@code readAt}, and not for a writing transaction. */
    private void storeIfCurrent(long readAt, Runnable store) {
        if (HierarchyChanges.writtenInThisTransaction()) {
            return;
        }
        lock.readLock().lock();
        try {
            if (readAt == version) {
                store.run();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The hierarchy for one transaction. */
    public final class Reads {

        private final long readAt;

        private Reads(long readAt) {
            this.readAt = readAt;
        }

        /** The DID of a number in any form {@link PhoneNumbers} reads; cached under its canonical form, as changes name it. */
        public Optional<Did> didByNumber(String phonenumber) {
            // Every key is a canonical number, and the canonical form of one is itself: a number
            // found as given is canonical already, and needs no parse (call control parsed it).
            Optional<Did> asGiven = enabled ? cached.didsByNumber.getIfPresent(phonenumber) : null;
            if (asGiven != null) {
                hits.increment();
                return asGiven;
            }
            Optional<String> number = PhoneNumbers.canonical(phonenumber);
            return number.isEmpty() ? Optional.empty() : read(cached.didsByNumber, number.get(), dids::findByNumber);
        }

        public Optional<Did> did(String didSid) {
            return read(cached.didsBySid, didSid, dids::find);
        }

        public Optional<DidGroup> group(String didGroupSid) {
            return read(cached.groupsBySid, didGroupSid, groups::find);
        }

        public Optional<Account> account(String accountSid) {
            return read(cached.accountsBySid, accountSid, accounts::find);
        }

        public Optional<MeetingRoom> room(String meetingRoomSid) {
            return read(cached.roomsBySid, meetingRoomSid, rooms::find);
        }

        /** As {@link MeetingRoomRepository#roomsWithCode}. */
        public List<MeetingRoom> roomsWithCode(String accountSid, String didGroupSid, String code) {
            List<String> key = java.util.Arrays.asList(didGroupSid, code);
            if (enabled) {
                Map<List<String>, List<MeetingRoom>> codes = cached.codesByAccount.getIfPresent(accountSid);
                List<MeetingRoom> cached = codes == null ? null : codes.get(key);
                if (cached != null) {
                    hits.increment();
                    return cached;
                }
                misses.increment();
            }
            List<MeetingRoom> found = rooms.roomsWithCode(accountSid, didGroupSid, code);
            if (enabled && !found.isEmpty()) {
                storeIfCurrent(
                        readAt,
                        () -> cached.codesByAccount
                                .get(accountSid, account -> new ConcurrentHashMap<>())
                                .put(key, found));
            }
            return found;
        }

        private <T> Optional<T> read(Cache<String, Optional<T>> cache, String id, Function<String, Optional<T>> load) {
            if (!enabled) {
                return load.apply(id);
            }
            Optional<T> cached = cache.getIfPresent(id);
            if (cached != null) {
                hits.increment();
                return cached;
            }
            misses.increment();
            Optional<T> loaded = load.apply(id);
            storeIfCurrent(readAt, () -> cache.put(id, loaded));
            return loaded;
        }
    }
}
