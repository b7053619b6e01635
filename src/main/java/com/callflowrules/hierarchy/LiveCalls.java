package com.callflowrules.hierarchy;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to delete a DID or a room that a live call still uses: the call's next event would be
 * decided against an object that no longer exists. Groups and accounts need no check, the DIDs
 * and rooms under them already block their delete. Reads the calls table of the same store, in
 * the delete's transaction; an ended call never blocks.
 */
final class LiveCalls {

    /** How many of the blocking calls the refusal names. */
    private static final int NAMED = 5;

    private final JdbcClient jdbc;

    LiveCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link ConflictException} naming the live calls whose {@code column} is {@code sid}. */
    void refuseInUse(String what, String column, String sid) {
        List<String> live = jdbc.sql("SELECT call_sid FROM calls WHERE " + column
                        + " = ? AND state <> 'ended' ORDER BY date_created, call_sid LIMIT ?")
                .param(sid)
                .param(NAMED + 1)
                .query(String.class)
                .list();
        if (live.isEmpty()) {
            return;
        }
        String named = String.join(", ", live.subList(0, Math.min(NAMED, live.size())))
                + (live.size() > NAMED ? " and more" : "");
        throw new ConflictException(what + " " + sid + " is used by live calls (" + named
                + "); delete it once they have ended, or hang them up first (DELETE /calls/{call_sid})");
    }
}
