package com.callflowrules.api;

import com.callflowrules.decision.Decision;
import com.callflowrules.session.CallControl;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** What-if: the decision for a call and its explanation, with nothing changed. */
@RestController
@RequestMapping("/conference/v2/decisions")
class DecisionController {

    private final CallControl control;

    DecisionController(CallControl control) {
        this.control = control;
    }

    @PostMapping
    Decision decide(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RequestSchemas.WhatIf.class)))
                    @org.springframework.web.bind.annotation.RequestBody
                    JsonNode json) {
        RequestBody body = RequestBody.of(json, RequestSchemas.fields(RequestSchemas.WhatIf.class), Set.of());
        String dst =
                body.matching("number_dst", ValueFormats.DIALED_NUMBER_PATTERN, ValueFormats.DIALED_NUMBER_RULE, true);
        String src =
                body.matching("number_src", ValueFormats.DIALED_NUMBER_PATTERN, ValueFormats.DIALED_NUMBER_RULE, false);
        String code = null;
        if (json.has("access_code") && !json.get("access_code").isNull()) {
            code = json.get("access_code").isString() ? json.get("access_code").asString() : null;
            if (code == null || !ValueFormats.CODE_ENTRY_PATTERN.matcher(code).matches()) {
                body.error("access_code", "must be a string of up to 64 keys (digits, letters, * and #)");
            }
        }
        body.validate();
        return control.whatIf(dst, src, code);
    }
}
