package com.callflowrules.decision;

/** A call arrives at {@code numberDst} from {@code numberSrc}. */
public record CallArrived(String numberDst, String numberSrc) implements CallEvent {}
