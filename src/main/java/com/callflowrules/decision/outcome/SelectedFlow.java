package com.callflowrules.decision.outcome;

import com.callflowrules.hierarchy.CallFlow;
import com.callflowrules.hierarchy.Level;

/** The call flow routing chose, with the level and object that named it. */
public record SelectedFlow(CallFlow flow, Level level, String sourceSid) {

    public String behaviour() {
        return flow.behaviour();
    }

    public String callFlowSid() {
        return flow.callFlowSid();
    }
}
