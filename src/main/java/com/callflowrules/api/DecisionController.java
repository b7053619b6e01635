package com.callflowrules.api;

import com.callflowrules.decision.Decision;
import com.callflowrules.releases.ReleaseRuleBases;
import com.callflowrules.session.CallControl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What-if: the decision for a call and its explanation, with nothing changed. */
@RestController
@Tag(name = "Decisions")
@RequestMapping("/conference/v2/decisions")
class DecisionController {

    private final CallControl control;
    private final ReleaseRuleBases releases;

    DecisionController(CallControl control, ReleaseRuleBases releases) {
        this.control = control;
        this.releases = releases;
    }

    @Operation(
            operationId = "decideWhatIf",
            summary = "What would happen to a call; nothing is changed",
            description =
                    "Decides as for a call to number_dst (with access_code, as for that entry) against the stored hierarchy and meetings, and changes nothing: the dry run of the rules. With rule_release, decided by that release (a draft, say) instead of the running one: 404 for an unknown release, 409 for a refused one.")
    @PostMapping
    Decision decide(@RequestBody @Valid RequestSchemas.WhatIf whatIf) {
        return control.whatIf(
                whatIf.numberDst(),
                whatIf.numberSrc(),
                whatIf.accessCode(),
                whatIf.ruleRelease() == null ? null : releases.of(whatIf.ruleRelease()));
    }
}
