package com.callflowrules.api;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallFlow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Call flows, read only: one per definition under rules/call-flows/, sid stable across restarts. */
@RestController
@RequestMapping("/conference/v2/call_flows")
class CallFlowController {

    private final DecisionEngine engine;

    CallFlowController(DecisionEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    Page<CallFlow> list(
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return Page.of(engine.ruleBase().callFlows(), limit, offset);
    }

    /** One flow by sid (or by name, as request bodies may name a flow). */
    @GetMapping("/{sid}")
    CallFlow get(@PathVariable String sid) {
        return engine.callFlow(sid).orElseThrow(() -> new NotFoundException("no call flow " + sid));
    }
}
