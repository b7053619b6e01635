package com.callflowrules.api.rules;

import com.callflowrules.api.ErrorAnswers;
import com.callflowrules.api.NotFoundException;
import com.callflowrules.api.Page;
import com.callflowrules.description.Example;
import com.callflowrules.releases.Release;
import com.callflowrules.releases.ReleaseFollower;
import com.callflowrules.releases.ReleaseScenarios;
import com.callflowrules.releases.ReleaseState;
import com.callflowrules.releases.ReleaseStep;
import com.callflowrules.releases.Releases;
import com.callflowrules.releases.ScenarioOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rule releases: drafts checked at once, approval, publish to every node, rollback, history. */
@RestController
@Tag(name = "Rule releases")
@RequestMapping("/conference/v2/rule_releases")
class ReleaseController {

    private static final String FILES_PATH = "/files/";

    private final Releases releases;
    private final ReleaseFollower follower;

    private final ReleaseScenarios scenarios;

    ReleaseController(Releases releases, ReleaseFollower follower, ReleaseScenarios scenarios) {
        this.releases = releases;
        this.follower = follower;
        this.scenarios = scenarios;
    }

    /** A release as the API shows it; {@code files} only when one release is read. */
    record ReleaseView(
            @Example("8fc2f2950f06") String version,
            ReleaseState state,
            @Example("048336cc7917") @Nullable String base,
            @Example("analyst") String author,

            @Example("Five attempts for secured numbers") String message,

            Instant createdAt,
            List<String> messages,
            ScenarioOutcome scenarios,
            @Nullable Map<String, String> files) {

        static ReleaseView of(Release release, boolean withFiles) {
            return new ReleaseView(
                    release.version(),
                    release.state(),
                    release.base(),
                    release.author(),
                    release.message(),
                    release.createdAt(),
                    release.messages(),
                    release.scenarios(),
                    withFiles ? release.files() : null);
        }
    }

    record StepView(
            @Nullable ReleaseState from,
            ReleaseState to,
            @Example("reviewer") String actor,
            Instant at,
            @Example("rollback from 048336cc7917") @Nullable String note) {
        static StepView of(ReleaseStep step) {
            return new StepView(step.from(), step.to(), step.actor(), step.at(), step.note());
        }
    }

    /** One file of a release: its path in the rule base and its text. */
    record FileView(
            @Example("8fc2f2950f06") String version,
            @Example("call-flows/secured.yaml") String path,
            @Example("name: secured\nentry: prompt\n") String text) {}

    record DiffView(
            @Example("8fc2f2950f06") String version,
            @Example("048336cc7917") String against,
            Map<String, String> files,
            ScenarioDiff scenarios) {}

    record ScenarioDiff(ScenarioOutcome version, ScenarioOutcome against) {}

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "createRuleRelease",
            summary = "Make a rule release draft and check it",
            description =
                    "The base release with the files given changed, added or (null) deleted, checked at once: 201 with state checked, or refused with every message as file:line: reason. The same content made again answers 200 with the release that has it.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReleaseView> create(@RequestBody @Valid ReleaseBodies.ReleaseDraft draft, Principal who) {
        Releases.Made made =
                releases.draft(who.getName(), new Releases.Draft(draft.base(), draft.message(), draft.files()));
        ReleaseView view = ReleaseView.of(made.release(), false);
        URI location = URI.create("/conference/v2/rule_releases/" + view.version());
        return made.existed()
                ? ResponseEntity.ok().location(location).body(view)
                : ResponseEntity.created(location).body(view);
    }

    @Operation(
            operationId = "listRuleReleases",
            summary = "List rule releases, newest first",
            description = "A page of releases without their files: limit 1..1000, offset from 0.")
    @GetMapping
    Page<ReleaseView> list(
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.checkBounds(limit, offset);
        return Page.of(
                releases.page(offset, limit).stream()
                        .map(r -> ReleaseView.of(r, false))
                        .toList(),
                (int) releases.count(),
                limit,
                offset);
    }

    @Operation(
            operationId = "getRuleRelease",
            summary = "Read a rule release with its files",
            description = "The release, its check messages and scenario outcome, and every file.")
    @GetMapping("/{version}")
    ReleaseView get(@PathVariable String version) {
        return ReleaseView.of(releases.withFiles(version), true);
    }

    @Operation(
            operationId = "getRuleReleaseFile",
            summary = "Read one file of a rule release",
            description = "The file's text as the release holds it; the path is relative to the rule base.")
    @GetMapping("/{version}/files/**")
    FileView file(@PathVariable String version, HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = "/conference/v2/rule_releases/" + version + FILES_PATH;
        if (!uri.startsWith(prefix) || uri.length() == prefix.length()) {
            throw new NotFoundException("name a file: " + prefix + "<path>");
        }
        String path = uri.substring(prefix.length());
        return new FileView(version, path, releases.file(version, path));
    }

    @Operation(
            operationId = "diffRuleReleases",
            summary = "What differs between two releases",
            description =
                    "The files added, deleted or changed in this release against the other, and both releases' scenario outcomes.")
    @GetMapping("/{version}/diff")
    DiffView diff(@PathVariable String version, @RequestParam String against) {
        return new DiffView(
                version,
                against,
                releases.diff(version, against),
                new ScenarioDiff(
                        releases.find(version).scenarios(),
                        releases.find(against).scenarios()));
    }

    @Operation(
            operationId = "runRuleReleaseScenarios",
            summary = "Run a release's scenarios now, beside another release",
            description =
                    "Each scenario of the release, run against it (passed, or its first failing step) and against the other release (every step whose decision differs). Takes seconds the first time a release is built on this node. 409 for a refused release.")
    @GetMapping("/{version}/scenarios")
    ReleaseScenarios.Run scenarios(@PathVariable String version, @RequestParam String against) {
        return scenarios.run(version, against);
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "approveRuleRelease",
            summary = "Approve a checked rule release",
            description =
                    "Approver role. 409 unless the release is checked; 403 with four-eyes on when the approver is its author.")
    @PostMapping("/{version}/approve")
    ReleaseView approve(@PathVariable String version, Principal who) {
        return ReleaseView.of(releases.approve(version, who.getName()), false);
    }

    @ErrorAnswers(ErrorAnswers.Answer.CONFLICT)
    @Operation(
            operationId = "publishRuleRelease",
            summary = "Publish a rule release to every node",
            description =
                    "Approver role. An approved release, or a retired one again (a rollback), becomes the one every node runs; the one before is retired. With replaces, only if that is still the published release (409 otherwise). 409 for a release not approved; 403 with four-eyes on when the publisher is its author.")
    @PostMapping("/{version}/publish")
    ReleaseView publish(
            @PathVariable String version,
            @RequestBody(required = false) @Valid ReleaseBodies.@Nullable Publish body,
            Principal who) {
        Release published = releases.publish(version, who.getName(), body == null ? null : body.replaces());
        follower.follow(); // this node at once; the others at their next poll
        return ReleaseView.of(published, false);
    }

    @Operation(
            operationId = "getRuleReleaseHistory",
            summary = "Every step of a rule release",
            description = "Who moved the release from which state to which, and when, oldest first.")
    @GetMapping("/{version}/history")
    List<StepView> history(@PathVariable String version) {
        return releases.history(version).stream().map(StepView::of).toList();
    }
}
