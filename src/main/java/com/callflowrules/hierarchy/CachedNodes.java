package com.callflowrules.hierarchy;

import com.callflowrules.facts.Account;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.DidGroup;
import com.callflowrules.facts.MeetingRoom;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries {@link HierarchyCache} keeps, one bounded cache per kind of lookup, and how a
 * key of {@code hierarchy_changes} ({@code kind:id}) drops the entry it names.
 */
final class CachedNodes {

    final Cache<String, Optional<Did>> didsByNumber;
    final Cache<String, Optional<Did>> didsBySid;
    final Cache<String, Optional<DidGroup>> groupsBySid;
    final Cache<String, Optional<Account>> accountsBySid;
    final Cache<String, Optional<MeetingRoom>> roomsBySid;
    /** Per account: (scope, code) to the rooms owning it; only found codes, so wrong codes cannot fill it. */
    final Cache<String, Map<List<String>, List<MeetingRoom>>> codesByAccount;

    CachedNodes(long size) {
        this.didsByNumber = bounded(size);
        this.didsBySid = bounded(size);
        this.groupsBySid = bounded(size);
        this.accountsBySid = bounded(size);
        this.roomsBySid = bounded(size);
        this.codesByAccount = bounded(size);
    }

    /**
     * A cache that does its upkeep (eviction, draining its read buffers) on the thread that used
     * it: Caffeine's default hands it to the common pool, a thread wake-up per write on the call
     * path for work of a few microseconds.
     */
    private static <K, V> Cache<K, V> bounded(long size) {
        return Caffeine.newBuilder().executor(Runnable::run).maximumSize(size).build();
    }

    void clear() {
        didsByNumber.invalidateAll();
        didsBySid.invalidateAll();
        groupsBySid.invalidateAll();
        accountsBySid.invalidateAll();
        roomsBySid.invalidateAll();
        codesByAccount.invalidateAll();
    }

    /** Drops what {@code key}, as {@link HierarchyChanges} writes it, names. */
    void evict(String key) {
        int colon = key.indexOf(':');
        String kind = key.substring(0, colon);
        String id = key.substring(colon + 1);
        switch (kind) {
            case "account" -> accountsBySid.invalidate(id);
            case "group" -> groupsBySid.invalidate(id);
            case "did" -> didsBySid.invalidate(id);
            case "number" -> didsByNumber.invalidate(id);
            case "room" -> roomsBySid.invalidate(id);
            case "codes" -> codesByAccount.invalidate(id);
            default -> clear(); // a kind this node does not know (a newer node wrote it): drop everything
        }
    }
}
