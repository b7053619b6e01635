package com.callflowrules.api.configuration;

import com.callflowrules.api.ValidationException;
import com.callflowrules.api.requests.KnownCallFlow;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallFlow;
import org.springframework.stereotype.Component;

/**
 * Turns a {@code call_flow_sid} given by sid or by name ({@link KnownCallFlow} checked it) into
 * the sid of a flow of the running rule base, and names the configured default flow for new
 * accounts.
 */
@Component
class FlowReferences {

    private final DecisionEngine engine;
    private final String defaultFlow;

    FlowReferences(DecisionEngine engine, AccountDefaultsProperties defaults) {
        this.engine = engine;
        this.defaultFlow = defaults.defaultCallFlow();
    }

    /** The sid of the flow {@code sidOrName}; null for null. Refused if a reload took the flow away since the check. */
    String sidOf(String sidOrName) {
        if (sidOrName == null) {
            return null;
        }
        return engine.callFlow(sidOrName)
                .map(CallFlow::callFlowSid)
                .orElseThrow(() -> new ValidationException("call_flow_sid", "'" + sidOrName + "' names no call flow"));
    }

    /** The flow of an account created without one: {@code callflow.default-call-flow}, by sid or name. */
    String defaultFlow() {
        return defaultFlow;
    }
}
