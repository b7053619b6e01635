package com.callflowrules.facts;

/** The joining caller is muted; {@code why} says which policy asked for it. */
public record MuteOnEntry(String why) {}
