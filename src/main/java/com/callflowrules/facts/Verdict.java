package com.callflowrules.facts;

/** The action of a decision and its reason. Exactly one per decision. */
public record Verdict(Action action, Reason reason) {

    public static Verdict of(Action action) {
        return new Verdict(action, null);
    }

    public static Verdict of(Action action, Reason reason) {
        return new Verdict(action, reason);
    }
}
