package com.callflowrules.api.configuration;

import com.callflowrules.api.NotFoundException;
import com.callflowrules.api.Page;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.CallFlow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Call flows, read only: one per definition under rules/call-flows/, sid stable across restarts. */
@RestController
@Tag(name = "Call flows")
@RequestMapping("/conference/v2/call_flows")
class CallFlowController {

    private final DecisionEngine engine;

    CallFlowController(DecisionEngine engine) {
        this.engine = engine;
    }

    @Operation(
            operationId = "listCallFlows",
            summary = "List the call flows of the running rule base",
            description =
                    "One per definition in rules/call-flows, with its behaviour and base property values; the sid is derived from the name.")
    @GetMapping
    Page<CallFlow> list(
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return Page.of(engine.ruleBase().callFlows(), limit, offset);
    }

    /** One flow by sid (or by name, as request bodies may name a flow). */
    @Operation(
            operationId = "getCallFlow",
            summary = "Read a call flow by sid or name",
            description = "By sid or by name.")
    @GetMapping("/{sid}")
    CallFlow get(@PathVariable String sid) {
        return engine.callFlow(sid).orElseThrow(() -> new NotFoundException("no call flow " + sid));
    }
}
