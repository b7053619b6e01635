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
        this.didsByNumber = Caffeine.newBuilder().maximumSize(size).build();
        this.didsBySid = Caffeine.newBuilder().maximumSize(size).build();
        this.groupsBySid = Caffeine.newBuilder().maximumSize(size).build();
        this.accountsBySid = Caffeine.newBuilder().maximumSize(size).build();
        this.roomsBySid = Caffeine.newBuilder().maximumSize(size).build();
        this.codesByAccount = Caffeine.newBuilder().maximumSize(size).build();
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
