package com.callflowrules.facts;

/** The caller pressed {@code digits} in the meeting. */
public record DtmfPressed(String digits) implements CallEvent {}
