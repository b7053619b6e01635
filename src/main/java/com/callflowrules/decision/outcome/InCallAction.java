package com.callflowrules.decision.outcome;

/** The in-call action a pressed binding triggers, e.g. {@code conference_lock}. */
public record InCallAction(String name) {
}
