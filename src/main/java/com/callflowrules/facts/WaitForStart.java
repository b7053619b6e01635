package com.callflowrules.facts;

/** The caller waits at most {@code seconds} for the meeting to start. */
public record WaitForStart(int seconds) {}
