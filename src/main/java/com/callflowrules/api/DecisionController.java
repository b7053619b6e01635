package com.callflowrules.api;

import com.callflowrules.decision.Decision;
import com.callflowrules.session.CallControl;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What-if: the decision for a call and its explanation, with nothing changed. */
@RestController
@RequestMapping("/conference/v2/decisions")
class DecisionController {

    private final CallControl control;

    DecisionController(CallControl control) {
        this.control = control;
    }

    @PostMapping
    Decision decide(@RequestBody @Valid RequestSchemas.WhatIf whatIf) {
        return control.whatIf(whatIf.numberDst(), whatIf.numberSrc(), whatIf.accessCode());
    }
}
