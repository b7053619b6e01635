package com.callflowrules.facts;

/** This join starts the room's meeting. */
public record StartMeeting() {}
