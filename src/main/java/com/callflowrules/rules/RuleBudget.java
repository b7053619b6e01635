package com.callflowrules.rules;

/**
 * The run-time bound of one decision on the current thread. Every method of the code a rule
 * base generates starts with a call to {@link #tick()} (added by {@link RuleInstrumenter} after
 * the allow-list passed it), and the engine checks the budget before each rule fires and each
 * match is made, so a decision that runs past its deadline or fires too many rules stops at the
 * next step. Loops and recursion are refused at build time, so no step is unbounded. Once
 * exceeded, a budget stays exceeded: rule code that catches the failure fails again at its next
 * step. Public only because generated classes live in their own class loader; rules cannot
 * reference it (it is not on the allow-list).
 */
public final class RuleBudget {

    private static final ThreadLocal<RuleBudget> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final DecisionBounds bounds;
    private long steps;
    private String exceeded;

    private RuleBudget(DecisionBounds bounds) {
        this.bounds = bounds;
        this.deadlineNanos = System.nanoTime() + bounds.timeout().toNanos();
    }

    /** Called at the start of every generated method. */
    public static void tick() {
        RuleBudget budget = CURRENT.get();
        if (budget != null) {
            budget.step();
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
        // The clock is read every 64 steps: a step is a few nanoseconds of rule code.
        if (exceeded != null || (++steps & 63) == 0 && System.nanoTime() > deadlineNanos) {
            fail("ran longer than " + bounds.timeout().toMillis() + " ms");
        }
    }

    /** Before a rule fires or a match is made: the deadline, and the number of rules fired so far. */
    void check(int firedSoFar) {
        if (exceeded != null) {
            throw new RuleBudgetExceeded(exceeded);
        }
        if (firedSoFar >= bounds.maxRulesFired()) {
            fail("fired more than " + bounds.maxRulesFired() + " rules");
        }
        if (System.nanoTime() > deadlineNanos) {
            fail("ran longer than " + bounds.timeout().toMillis() + " ms");
        }
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
