package com.callflowrules.facts;

/** The caller hung up; the facts carry the meeting as it was before it left. */
public record CallLeft() implements CallEvent {}
