package com.callflowrules.api.calls;

import com.callflowrules.api.ValidationException;
import com.callflowrules.decision.Decision;
import com.callflowrules.releases.ReleaseRuleBases;
import com.callflowrules.session.CallControl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What-if: the decision for a call, or for an event of a live call, and its explanation, with nothing changed. */
@RestController
@Tag(name = "Decisions")
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
    @PostMapping("/conference/v2/decisions")
    Decision decide(@RequestBody @Valid CallBodies.WhatIf whatIf) {
        return control.whatIf(
                whatIf.numberDst(),
                whatIf.numberSrc(),
                whatIf.accessCode(),
                whatIf.ruleRelease() == null ? null : releases.of(whatIf.ruleRelease()));
    }

    @Operation(
            operationId = "decideInCallWhatIf",
            summary = "What would happen if a live call pressed keys or hung up; nothing is changed",
            description =
                    "Decides key_press (with digits) or hang_up for the live call as it stands, with its room, role and meeting, and changes nothing. With rule_release, decided by that release instead of the running one. 404 for an unknown call or release, 409 for a call not in a meeting (key_press) or ended, or a refused release; 422 for key_press without digits.")
    @PostMapping("/conference/v2/calls/{sid}/what_if")
    Decision decideInCall(@PathVariable String sid, @RequestBody @Valid CallBodies.InCallWhatIf whatIf) {
        boolean keys = whatIf.event() == CallBodies.InCallEvent.KEY_PRESS;
        if (keys && whatIf.digits() == null) {
            throw new ValidationException("digits", "is required for a key_press");
        }
        return control.whatIfInCall(
                sid,
                keys ? whatIf.digits() : null,
                whatIf.ruleRelease() == null ? null : releases.of(whatIf.ruleRelease()));
    }
}
