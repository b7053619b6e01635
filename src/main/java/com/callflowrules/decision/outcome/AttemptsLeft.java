package com.callflowrules.decision.outcome;

/** Access-code tries the caller has left. */
public record AttemptsLeft(int count) {}
