package com.callflowrules.facts;

/** Access-code tries the caller has left. */
public record AttemptsLeft(int count) {}
