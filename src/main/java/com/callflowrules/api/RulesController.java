package com.callflowrules.api;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.FlowBehaviour;
import com.callflowrules.rules.BuildResult;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rules administration: the running rule base, validating and reloading the files on disk. */
@RestController
@Tag(name = "Rules")
@RequestMapping("/conference/v2/rules")
class RulesController {

    private final RuleBaseHolder ruleBases;

    RulesController(RuleBaseHolder ruleBases) {
        this.ruleBases = ruleBases;
    }

    /** The running rule base, the good versions kept, and the last build from disk (clean or refused). */
    @Operation(
            operationId = "getRuleBase",
            summary = "The running rule base, the good versions kept and the last build",
            description =
                    "The version, files and flows of the running rule base, the good versions kept for rollback, and the last build, clean or refused.")
    @GetMapping
    RunningRules current() {
        return new RunningRules(
                RuleBaseView.of(ruleBases.current(), ruleBases.rulesDir().toString()),
                ruleBases.versions().stream()
                        .map(v -> new VersionView(v.version(), v.loadedAt()))
                        .toList(),
                ruleBases.lastBuild());
    }

    /** Returns to the previous good version; 409 when there is none. */
    @Operation(
            operationId = "rollbackRuleBase",
            summary = "Return to the previous good rule base",
            description = "Returns to the previous good version; 409 when there is none.")
    @PostMapping("/rollback")
    RuleBaseView rollback() {
        try {
            return RuleBaseView.of(ruleBases.rollback(), ruleBases.rulesDir().toString());
        } catch (IllegalStateException e) {
            throw new com.callflowrules.hierarchy.ConflictException(e.getMessage());
        }
    }

    record RunningRules(
            @com.fasterxml.jackson.annotation.JsonUnwrapped RuleBaseView running,
            List<VersionView> versions,
            BuildResult lastBuild) {}

    record VersionView(String version, Instant loadedAt) {}

    /** Compiles and checks the files on disk now; swaps nothing. 422 with every message when refused. */
    @Operation(
            operationId = "validateRuleBase",
            summary = "Build and check the rule files on disk without swapping them in",
            description =
                    "Compiles and checks the files on disk (allow-list, phases, meaning, arrival probe, scenario gate) without swapping them in; 422 with every message as file:line.")
    @PostMapping("/validate")
    RuleBaseView validate() {
        return RuleBaseView.of(ruleBases.validate(), ruleBases.rulesDir().toString());
    }

    /** Compiles, checks and, only when clean, swaps in the files on disk. 422 with every message when refused. */
    @Operation(
            operationId = "reloadRuleBase",
            summary = "Build, check and swap in the rule files on disk",
            description =
                    "As validate, then swaps the new rule base in when it is clean; the running one keeps deciding otherwise.")
    @PostMapping("/reload")
    RuleBaseView reload() {
        return RuleBaseView.of(ruleBases.reload(), ruleBases.rulesDir().toString());
    }

    record RuleBaseView(
            String version,
            Instant loadedAt,
            String directory,
            List<String> files,
            List<FlowView> callFlows,
            List<RuleMessage> warnings) {

        static RuleBaseView of(RuleBase ruleBase, String directory) {
            return new RuleBaseView(
                    ruleBase.version(),
                    ruleBase.loadedAt(),
                    directory,
                    ruleBase.files(),
                    ruleBase.callFlows().stream().map(FlowView::of).toList(),
                    ruleBase.warnings());
        }
    }

    /** A flow and its behaviour as its definition states it; {@code behaviour} names a rule file of its own. */
    record FlowView(
            String callFlowSid,
            String name,
            String entry,
            @Nullable String unknownCode,
            @Nullable String creatorRole,
            @Nullable String directRole,
            @Nullable String behaviour) {
        static FlowView of(CallFlow flow) {
            FlowBehaviour b = flow.behaviour();
            return new FlowView(
                    flow.callFlowSid(),
                    flow.name(),
                    b.entry().jsonName(),
                    b.unknownCode() == null ? null : b.unknownCode().jsonName(),
                    b.creatorRole() == null ? null : b.creatorRole().jsonName(),
                    b.directRole() == null ? null : b.directRole().jsonName(),
                    b.ruleFile());
        }
    }
}
