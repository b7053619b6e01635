package com.callflowrules.facts;

/** The meeting's stop condition holds: it ends after {@code graceSeconds} unless that changes. */
public record MeetingStop(int graceSeconds) {}
