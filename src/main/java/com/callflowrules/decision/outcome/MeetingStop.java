package com.callflowrules.decision.outcome;

/** The meeting's stop condition holds: it ends after {@code graceSeconds} unless that changes. */
public record MeetingStop(int graceSeconds) {}
