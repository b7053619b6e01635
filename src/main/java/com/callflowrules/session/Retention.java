package com.callflowrules.session;

import static com.callflowrules.session.CallRepository.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the store sized by live calls, not by history: moves ended calls out of the hot
 * {@code calls} table and prunes the history and the decision audit by age and row count
 * ({@link RetentionProperties}), and the answers kept for router retries with the audit. Every step is a short transaction of at most one batch, on
 * rows no event writes (ended calls, audit rows), so a sweep never blocks a call. Live calls and
 * running meetings are never touched.
 */
@Service
public class Retention {

    /** What one sweep did. */
    public record Swept(int callsMoved, int endedCallsDeleted, int auditRowsDeleted, int routerAnswersDeleted) {}

    private final JdbcClient jdbc;
    private final CallRepository calls;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RetentionProperties settings;

    public Retention(
            JdbcClient jdbc,
            CallRepository calls,
            TransactionTemplate transactions,
            Clock clock,
            RetentionProperties settings) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** One sweep: move ended calls, then prune the history and the audit. */
    public Swept sweep() {
        int moved = 0;
        int batch;
        do {
            batch = transactions.execute(status -> calls.moveEnded(settings.batchSize()));
            moved += batch;
        } while (batch == settings.batchSize());
        Instant now = clock.instant();
        // a running meeting's stop timer is decided with the call whose leaving started it: that call
        // stays. NOT EXISTS on the indexed column: H2 ran a NOT IN subquery again for every row, which
        // stalled the sweep (and with it the hot table) once thousands of meetings were in their grace.
        int history = prune(
                new Table(
                        "call_history",
                        "moved_seq",
                        "date_ended",
                        " AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.stop_call_sid = call_history.call_sid)"),
                now,
                settings.maxEndedCalls());
        int audit = prune(new Table("decision_audit", "id", "decided_at", ""), now, settings.maxAuditRows());
        // an answer is kept while its call is live and for as long as the audit of its events: a
        // router's retry after the call ended must still find it rather than start a new call
        int answers = prune(
                new Table(
                        "router_answers",
                        "id",
                        "answered_at",
                        " AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.call_sid = router_answers.call_sid)"),
                now,
                settings.maxAuditRows());
        return new Swept(moved, history, audit, answers);
    }

    /** An append-only table: rows arrive in the order of {@code seq}, stamped with {@code time}. */
    private record Table(String name, String seq, String time, String keep) {}

    /**
     * Deletes the oldest rows of {@code table} that are older than the maximum age, or beyond
     * {@code maxRows} and older than the floor, a batch per transaction. Rows arrive in sequence
     * order, so the rows to delete are a prefix: each batch deletes a sequence range.
     */
    private int prune(Table table, Instant now, long maxRows) {
        Instant tooOld = now.minus(settings.maxAge());
        Instant floor = now.minus(settings.keepAtLeast());
        Long pastLimit = pastLimit(table, maxRows);
        int deleted = 0;
        while (true) {
            List<Row> oldest = jdbc.sql("SELECT " + table.seq() + " AS seq, " + table.time() + " AS at FROM "
                            + table.name() + " ORDER BY " + table.seq() + " LIMIT ?")
                    .param(settings.batchSize())
                    .query((rs, n) -> new Row(rs.getLong("seq"), instant(rs, "at")))
                    .list();
            Long upTo = null;
            for (Row row : oldest) {
                boolean expired = row.at().isBefore(tooOld);
                boolean overLimit =
                        pastLimit != null && row.seq() <= pastLimit && row.at().isBefore(floor);
                if (!expired && !overLimit) {
                    break;
                }
                upTo = row.seq();
            }
            if (upTo == null) {
                return deleted;
            }
            long last = upTo;
            int batch = transactions.execute(
                    status -> jdbc.sql("DELETE FROM " + table.name() + " WHERE " + table.seq() + " <= ?" + table.keep())
                            .param(last)
                            .update());
            if (batch == 0) {
                return deleted; // only kept rows are left in the oldest batch
            }
            deleted += batch;
        }
    }

    private record Row(long seq, Instant at) {}

    /**
     * The sequence number of the newest row past the row limit, or null when the table is within
     * it. The span of sequence numbers bounds the row count from above and is read from the index
     * alone, so the row-by-row count runs only when the table may be past the limit.
     */
    private Long pastLimit(Table table, long maxRows) {
        long span = jdbc.sql("SELECT COALESCE(MAX(" + table.seq() + ") - MIN(" + table.seq() + ") + 1, 0) FROM "
                        + table.name())
                .query(Long.class)
                .single();
        if (span <= maxRows) {
            return null;
        }
        return jdbc.sql("SELECT " + table.seq() + " FROM " + table.name() + " ORDER BY " + table.seq()
                        + " DESC LIMIT 1 OFFSET ?")
                .param(maxRows)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The hot table's size: calls not yet moved to the history. */
    public int hotCalls() {
        return jdbc.sql("SELECT COUNT(*) FROM calls").query(Integer.class).single();
    }
}
