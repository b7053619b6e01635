package com.callflowrules.api;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallFlow;
import org.springframework.stereotype.Component;

/**
 * Resolves a {@code call_flow_sid} given by sid or by name to the sid of a flow of the running
 * rule base, and supplies the configured default flow for new accounts.
 */
@Component
class FlowReferences {

    private final DecisionEngine engine;
    private final String defaultFlow;

    FlowReferences(DecisionEngine engine, AccountDefaultsProperties defaults) {
        this.engine = engine;
        this.defaultFlow = defaults.defaultCallFlow();
    }

    /** The sid of the flow {@code sidOrName}, or null (with an error recorded) when there is none. */
    String resolve(RequestFields body, String sidOrName) {
        if (sidOrName == null) {
            return null;
        }
        return engine.callFlow(sidOrName).map(CallFlow::callFlowSid).orElseGet(() -> {
            body.error("call_flow_sid", "'" + sidOrName + "' names no call flow");
            return null;
        });
    }

    /** The flow of an account created without one: {@code callflow.default-call-flow}. */
    String defaultFlowSid(RequestFields body) {
        return resolve(body, defaultFlow);
    }
}
