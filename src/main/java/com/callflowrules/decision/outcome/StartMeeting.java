package com.callflowrules.decision.outcome;

/** This join starts the room's meeting. */
public record StartMeeting() {}
