package com.callflowrules.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;

/**
 * Durable commits on the embedded H2 store, many in one write. H2 committing with
 * {@code WRITE_DELAY=0} writes a chunk for every transaction under its single store lock, and
 * under load each waiting committer writes one more, since other transactions keep the store
 * dirty: the commits serialise. Here a transaction commits in memory, then waits in
 * {@link #awaitDurable()} for a write of the store that began after its commit: the first waiter
 * writes, every transaction that committed before that write began is durable when it ends, and
 * the ones that committed meanwhile share the next write. Nobody answers before the write that
 * holds their change is out of the process, as with {@code WRITE_DELAY=0}; the writes are fewer.
 */
final class GroupCommit {

    private final Runnable write;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** tickets handed out, one per commit waiting to be durable */
    private long requested;
    /** every ticket up to this one is durable */
    private long durable;

    private boolean writing;
    private long writes;

    GroupCommit(MVStore store) {
        this(store::commit);
    }

    /** @param write writes everything committed so far to the store file */
    GroupCommit(Runnable write) {
        this.write = write;
    }

    /**
     * Returns once everything committed before the call is written to the store file. Call it
     * after the transaction's commit returned; a failed write is thrown to the caller that made
     * it, and the waiters behind it try again.
     */
    void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++requested;
            while (durable < ticket) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long upTo = requested;
                boolean done = false;
                lock.unlock();
                try {
                    write.run();
                    done = true;
                } finally {
                    lock.lock();
                    writing = false;
                    if (done) {
                        durable = upTo;
                        writes++;
                    }
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many writes of the store group commits have made (each settles one or more commits). */
    long writes() {
        lock.lock();
        try {
            return writes;
        } finally {
            lock.unlock();
        }
    }

    /** How many commits have waited to be durable. */
    long commits() {
        lock.lock();
        try {
            return requested;
        } finally {
            lock.unlock();
        }
    }
}
