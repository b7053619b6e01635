package com.callflowrules.facts;

/** A media step and its place in the decision's sequence (lower first). */
public record Media(int order, MediaStep step) {}
