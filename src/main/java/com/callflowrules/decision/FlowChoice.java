package com.callflowrules.decision;

import com.callflowrules.description.Example;
import com.callflowrules.facts.Level;

/** The call flow that handles a call, and the level and object that named it. */
public record FlowChoice(
        String callFlowSid, @Example("secured") String name, Level source, String sourceSid) {}
