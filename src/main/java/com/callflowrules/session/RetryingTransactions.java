package com.callflowrules.session;

import com.callflowrules.hierarchy.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a call's work in one transaction, and again from the committed state when a concurrent
 * writer won a race the database arbitrates (a room's code, a room's one meeting), at most
 * {@value #ATTEMPTS} times.
 */
final class RetryingTransactions {

    private static final int ATTEMPTS = 20;

    private final TransactionTemplate transactions;

    RetryingTransactions(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** {@code work} for {@code callSid}, logged with it. */
    @SuppressWarnings("try") // the resource's work is its close: the logging context ends with the block
    <T> T run(String callSid, Supplier<T> work) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CallControl.CALL_SID, callSid)) {
            return run(work);
        }
    }

    <T> T run(Supplier<T> work) {
        List<RuntimeException> lost = new ArrayList<>();
        while (true) {
            try {
                return transactions.execute(status -> work.get());
            } catch (ConflictException | DataIntegrityViolationException | ConcurrencyFailureException e) {
                lost.add(e);
                if (lost.size() == ATTEMPTS) {
                    throw new BusyException(
                            "the call's data stayed contended after " + ATTEMPTS + " attempts; try again", e);
                }
            }
        }
    }

    /** {@code work} in a transaction that is rolled back: it changes nothing. */
    <T> T readOnly(Supplier<T> work) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
