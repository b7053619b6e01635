package com.callflowrules.rules;

import java.lang.management.ManagementFactory;

/**
 * The run-time bound of one decision on the current thread: rules fired, time, and bytes
 * allocated by the thread. Every method of the code a rule base generates starts with a call to
 * {@link #tick()}, and author code calls {@link #allocated()} after every call that can grow
 * data (both added by {@link RuleInstrumenter} after the allow-list passed the code); the engine
 * checks the budget before each rule fires and each match is made. So a decision that runs past
 * its deadline, fires too many rules or allocates too much stops at the next step. Loops and
 * recursion are refused at build time and every growing call is at most linear in its inputs, so
 * no step is unbounded: a decision allocates at most a few times its bound before it stops. Once
 * exceeded, a budget stays exceeded: rule code that catches the failure fails again at its next
 * step. Public only because generated classes live in their own class loader; rules cannot
 * reference it (it is not on the allow-list).
 */
public final class RuleBudget {

    private static final ThreadLocal<RuleBudget> CURRENT = new ThreadLocal<>();

    /** The JVM's count of bytes each thread allocated; {@code null} where it cannot count them. */
    private static final com.sun.management.ThreadMXBean THREADS = allocationCounter();

    private final long deadlineNanos;
    private final DecisionBounds bounds;
    /** The thread's allocation count past which the decision has allocated too much. */
    private final long allocationLimit;

    private long steps;
    private String exceeded;

    private RuleBudget(DecisionBounds bounds) {
        this.bounds = bounds;
        this.deadlineNanos = System.nanoTime() + bounds.timeout().toNanos();
        long allocatedBefore = allocatedByThisThread();
        this.allocationLimit = allocatedBefore < 0 ? Long.MAX_VALUE : allocatedBefore + bounds.maxAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            if (!threads.isThreadAllocatedMemoryEnabled()) {
                threads.setThreadAllocatedMemoryEnabled(true);
            }
            return threads;
        }
        return null;
    }

    private static long allocatedByThisThread() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Called at the start of every generated method. */
    public static void tick() {
        RuleBudget budget = CURRENT.get();
        if (budget != null) {
            budget.step();
        }
    }

    /** Called in author code after every call that can grow data (a string, a builder, a collection, an array). */
    public static void allocated() {
        RuleBudget budget = CURRENT.get();
        if (budget != null) {
            budget.checkAllocation();
        }
    }

    static RuleBudget start(DecisionBounds bounds) {
        RuleBudget budget = new RuleBudget(bounds);
        CURRENT.set(budget);
        return budget;
    }

    void end() {
        CURRENT.remove();
    }

    private void step() {
        if (exceeded != null) {
            fail(exceeded);
        }
        // The clock and the allocation count are read every 64 steps: a step is a few
        // nanoseconds of rule code.
        if ((++steps & 63) == 0) {
            checkTime();
            checkAllocation();
        }
    }

    private void checkTime() {
        if (System.nanoTime() > deadlineNanos) {
            fail("ran longer than " + bounds.timeout().toMillis() + " ms");
        }
    }

    private void checkAllocation() {
        if (exceeded != null) {
            fail(exceeded);
        }
        if (allocationLimit != Long.MAX_VALUE && allocatedByThisThread() > allocationLimit) {
            fail("allocated more than " + bounds.maxAllocatedBytes() + " bytes");
        }
    }

    /** Before a rule fires or a match is made: the deadline, the allocation, and the number of rules fired so far. */
    void check(int firedSoFar) {
        if (exceeded != null) {
            throw new RuleBudgetExceeded(exceeded);
        }
        if (firedSoFar >= bounds.maxRulesFired()) {
            fail("fired more than " + bounds.maxRulesFired() + " rules");
        }
        checkTime();
        checkAllocation();
    }

    private void fail(String why) {
        if (exceeded == null) {
            exceeded = why;
        }
        throw new RuleBudgetExceeded(exceeded);
    }

    /** Why the budget ran out, or {@code null} while it has not. */
    String exceeded() {
        return exceeded;
    }

    /** Thrown into rule code when the budget ran out; the engine turns it into a failed decision. */
    static final class RuleBudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleBudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
