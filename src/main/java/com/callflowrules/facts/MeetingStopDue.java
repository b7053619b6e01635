package com.callflowrules.facts;

/**
 * A meeting's stop grace time is over: it ends if its stop condition still holds. The facts
 * are those of the last call that left, with the meeting as it is now.
 */
public record MeetingStopDue() implements CallEvent {}
