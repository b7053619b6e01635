package com.callflowrules.facts;

/** A call arrives at {@code numberDst} from {@code numberSrc}. */
public record CallArrived(String numberDst, String numberSrc) implements CallEvent {}
