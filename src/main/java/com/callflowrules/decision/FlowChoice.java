package com.callflowrules.decision;

import com.callflowrules.hierarchy.Level;

/** The call flow that handles a call, and the level and object that named it. */
public record FlowChoice(String callFlowSid, String name, Level source, String sourceSid) {}
