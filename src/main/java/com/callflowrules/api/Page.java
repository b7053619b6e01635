package com.callflowrules.api;

import com.callflowrules.description.Example;
import java.util.List;

/** A page of a list answer, as every collection of the API returns it. */
public record Page<T>(
        List<T> items,
        @Example("1") int count,
        @Example("1") int total,
        @Example("100") int limit,
        @Example("0") int offset,
        boolean hasMore) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The page of {@code all} at {@code offset}, at most {@code limit} long; refuses limits out of 1..1000. */
    public static <T> Page<T> of(List<T> all, int limit, int offset) {
        checkBounds(limit, offset);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
        return of(items, all.size(), limit, offset);
    }

    /** A page of {@code items} already read at {@code offset} from {@code total}. */
    public static <T> Page<T> of(List<T> items, int total, int limit, int offset) {
        return new Page<>(items, items.size(), total, limit, offset, offset + items.size() < total);
    }

    /** Refuses a limit out of 1..1000 or a negative offset (400, naming the parameter). */
    public static void checkBounds(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadParameterException("limit", "must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new BadParameterException("offset", "must be 0 or more");
        }
    }
}
