package com.callflowrules.decision;

import com.callflowrules.facts.CallEvent;

/** Told of every decision the engine makes, for metrics and tracing; must be fast and must not throw. */
public interface DecisionObserver {

    void decided(CallEvent event, Decision decision, long nanos);

    void failed(CallEvent event, RuntimeException failure, long nanos);
}
