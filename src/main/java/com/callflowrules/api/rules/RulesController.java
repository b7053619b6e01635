package com.callflowrules.api.rules;

import com.callflowrules.api.ErrorAnswers;
import com.callflowrules.description.Example;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.FlowBehaviour;
import com.callflowrules.releases.NodeStatus;
import com.callflowrules.releases.ReleaseFollower;
import com.callflowrules.releases.ReleaseProperties;
import com.callflowrules.releases.Releases;
import com.callflowrules.rules.BuildResult;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rules administration: the running rule base and the nodes' releases; validating, releasing and rolling back. */
@RestController
@Tag(name = "Rules")
@RequestMapping("/conference/v2/rules")
class RulesController {

    private final RuleBaseHolder ruleBases;
    private final Releases releases;
    private final ReleaseFollower follower;
    private final ReleaseProperties settings;

    RulesController(RuleBaseHolder ruleBases, Releases releases, ReleaseFollower follower, ReleaseProperties settings) {
        this.ruleBases = ruleBases;
        this.releases = releases;
        this.follower = follower;
        this.settings = settings;
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
                ruleBases.lastBuild(),
                releases.published().orElse(null),
                follower.nodeId(),
                releases.nodes(settings.pollInterval().multipliedBy(5).plusSeconds(5)).stream()
                        .map(NodeView::of)
                        .toList());
    }

    /** What one live node runs, as it last said (every poll). */
    record NodeView(
            @Example("node-a") String nodeId,
            @Example("8fc2f2950f06") String version,
            Instant since,
            Instant seenAt,
            @Example("048336cc7917") @Nullable String failedVersion,

            @Example("flows/secured.drl:12: unable to resolve the type Foo") @Nullable
            String failure) {
        static NodeView of(NodeStatus node) {
            return new NodeView(
                    node.nodeId(), node.version(), node.since(), node.seenAt(), node.failedVersion(), node.failure());
        }
    }

    /** Publishes again the release published before the current one, on every node; 409 when there is none. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "rollbackRuleBase",
            summary = "Return every node to the release published before",
            description =
                    "Publishes again the release last retired from being published (approver role); every node follows. 409 when there is none.")
    @PostMapping("/rollback")
    RuleBaseView rollback(Principal who) {
        releases.rollback(who.getName());
        follower.follow();
        return RuleBaseView.of(ruleBases.current(), ruleBases.rulesDir().toString());
    }

    record RunningRules(
            @com.fasterxml.jackson.annotation.JsonUnwrapped RuleBaseView running,
            List<VersionView> versions,
            BuildResult lastBuild,
            @Example("8fc2f2950f06") @Nullable String published,
            @Example("node-a") String node,
            List<NodeView> nodes) {}

    record VersionView(@Example("8fc2f2950f06") String version, Instant loadedAt) {}

    /** Compiles and checks the files on disk now; swaps nothing. 422 with every message when refused. */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "validateRuleBase",
            summary = "Build and check the rule files on disk without swapping them in",
            description =
                    "Compiles and checks the files on disk (allow-list, phases, meaning, arrival probe, scenario gate) without swapping them in; 422 with every message as file:line.")
    @PostMapping("/validate")
    RuleBaseView validate() {
        return RuleBaseView.of(ruleBases.validate(), ruleBases.rulesDir().toString());
    }

    /**
     * Makes a release of the files on disk and publishes it to every node when it is clean. 422
     * with every message when refused; 403 with four-eyes on (the release stays checked).
     */
    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "reloadRuleBase",
            summary = "Release the rule files on disk and publish them",
            description =
                    "Makes a rule release of the files on this node's disk; when it is clean, approves and publishes it (approver role), and every node follows. 422 with every message when refused, the published release keeps deciding; 403 with four-eyes on, where the release stays checked for another approver.")
    @PostMapping("/reload")
    RuleBaseView reload(Principal who) {
        try {
            String version = releases.publishDirectory(
                            who.getName(), "reload of " + ruleBases.rulesDir(), ruleBases.rulesDir())
                    .version();
            if (version.equals(ruleBases.current().version())) {
                ruleBases.run(ruleBases.current()); // already running: the build from disk was clean
            }
        } catch (com.callflowrules.rules.RuleBaseException e) {
            ruleBases.refused(e.messages());
            throw e;
        }
        follower.follow();
        return RuleBaseView.of(ruleBases.current(), ruleBases.rulesDir().toString());
    }

    record RuleBaseView(
            @Example("8fc2f2950f06") String version,
            Instant loadedAt,
            @Example("rules") String directory,
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
            @Example("secured") String name,
            @Example("prompt") String entry,
            @Example("refuse") @Nullable String unknownCode,
            @Example("host") @Nullable String creatorRole,
            @Example("host") @Nullable String directRole,
            @Example("secured") @Nullable String behaviour) {
        static FlowView of(CallFlow flow) {
            FlowBehaviour b = flow.behaviour();
            return new FlowView(
                    flow.callFlowSid(),
                    flow.name(),
                    b.entry().spelling(),
                    b.unknownCode() == null ? null : b.unknownCode().spelling(),
                    b.creatorRole() == null ? null : b.creatorRole().spelling(),
                    b.directRole() == null ? null : b.directRole().spelling(),
                    b.ruleFile());
        }
    }
}
