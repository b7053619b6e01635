package com.callflowrules.session;

import java.util.Optional;

/** The answer to a router's keyed request; {@code outcome} is empty for a repeat, which changed nothing. */
public record RouterAnswer(Optional<CallControl.Outcome> outcome, String answer) {

    static RouterAnswer repeat(String answer) {
        return new RouterAnswer(Optional.empty(), answer);
    }

    public boolean repeated() {
        return outcome.isEmpty();
    }
}
