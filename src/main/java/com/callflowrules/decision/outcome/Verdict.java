package com.callflowrules.decision.outcome;

import com.callflowrules.decision.Action;
import com.callflowrules.decision.Reason;

/** The action of a decision and its reason. Exactly one per decision. */
public record Verdict(Action action, Reason reason) {

    public static Verdict of(Action action) {
        return new Verdict(action, null);
    }

    public static Verdict of(Action action, Reason reason) {
        return new Verdict(action, reason);
    }
}
