package com.callflowrules.facts;

/** The in-call action of the binding pressed, as its schema row states it. */
public record InCallAction(Binding binding) {

    /** The action's name, e.g. {@code conference_lock}. */
    public String name() {
        return binding.action();
    }
}
