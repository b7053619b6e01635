package com.callflowrules.hierarchy;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hierarchy's change log: every write to accounts, DID groups, DIDs and rooms runs through
 * {@link #writing}, which does the write, bumps {@code hierarchy_version} and lists the cache keys
 * the write makes stale, all in one transaction. The version row is locked by the bump until
 * commit, so versions commit in order and a reader that sees version N has seen every change up
 * to N. Every node's {@link HierarchyCache} catches up from this log before it answers.
 */
@Component
public class HierarchyChanges {

    /** Old change rows are pruned every this many versions, keeping this many behind. */
    static final long PRUNE_EVERY = 1_000;

    static final long KEEP = 10_000;
    /** Bound in a transaction once it has written the hierarchy: its reads must not fill the shared cache. */
    static final Object WROTE = new Object();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public HierarchyChanges(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code write} and records {@code staleKeys} in one transaction (joining the caller's, if any). */
    public <T> T writing(Collection<String> staleKeys, Supplier<T> write) {
        return writing(() -> staleKeys, write);
    }

    /**
     * As {@link #writing(Collection, Supplier)}, with keys that depend on the stored state: they
     * are read in the transaction, before the write (under the row locks the reader takes).
     */
    public <T> T writing(Supplier<? extends Collection<String>> staleKeys, Supplier<T> write) {
        return transactions.execute(status -> {
            Collection<String> keys = staleKeys.get();
            T result = write.get();
            record(keys);
            return result;
        });
    }

    private void record(Collection<String> staleKeys) {
        markWritten();
        jdbc.sql("UPDATE hierarchy_version SET version = version + 1 WHERE id = 1")
                .update();
        long version = jdbc.sql("SELECT version FROM hierarchy_version WHERE id = 1")
                .query(Long.class)
                .single();
        for (String key : staleKeys) {
            jdbc.sql("INSERT INTO hierarchy_changes (version, change_key) VALUES (?, ?)")
                    .params(version, key)
                    .update();
        }
        if (version % PRUNE_EVERY == 0) {
            // A node further behind than this finds a gap and drops its whole cache.
            jdbc.sql("DELETE FROM hierarchy_changes WHERE version <= ?")
                    .param(version - KEEP)
                    .update();
        }
    }

    private static void markWritten() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(WROTE)) {
            TransactionSynchronizationManager.bindResource(WROTE, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WROTE);
                }
            });
        }
    }

    /** Whether the current transaction has written the hierarchy (its reads may see uncommitted rows). */
    static boolean writtenInThisTransaction() {
        return TransactionSynchronizationManager.hasResource(WROTE);
    }

    static String account(String sid) {
        return "account:" + sid;
    }

    static String group(String sid) {
        return "group:" + sid;
    }

    static String did(String sid) {
        return "did:" + sid;
    }

    static String number(String phonenumber) {
        return "number:" + phonenumber;
    }

    static String room(String sid) {
        return "room:" + sid;
    }

    /** Every access-code lookup in an account. */
    static String codes(String accountSid) {
        return "codes:" + accountSid;
    }

    static List<String> keys(String... keys) {
        return List.of(keys);
    }
}
