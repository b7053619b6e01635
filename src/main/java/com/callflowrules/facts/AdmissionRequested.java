package com.callflowrules.facts;

/** A waiting caller is checked again, {@code waitedSeconds} after it started waiting. */
public record AdmissionRequested(long waitedSeconds) implements CallEvent {}
