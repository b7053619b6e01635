/**
 * Result facts the rules insert; the decision engine reads them into a {@code Decision}. Rule
 * authors use these types in rule consequences: {@code insert(Verdict.of(Action.JOIN))}.
 */
package com.callflowrules.decision.outcome;
