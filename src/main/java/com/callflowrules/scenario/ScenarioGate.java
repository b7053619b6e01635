package com.callflowrules.scenario;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseCheck;
import com.callflowrules.rules.RuleFiles;
import com.callflowrules.rules.RuleMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A build-time check: a candidate rule base goes live only if every regression scenario passes
 * against it. A refusal names each failing scenario with its first failing step, so an
 * analyst's edit that changes pinned behaviour never reaches a call. Runs after the allow-list
 * and the arrival probe, on the candidate itself (no rule base is swapped to run it).
 */
public final class ScenarioGate implements RuleBaseCheck {

    private final Path fixed;

    /** A gate over the scenario files under {@code scenarios} (none there: nothing to pass), whatever the candidate. */
    public ScenarioGate(Path scenarios) {
        this.fixed = scenarios;
    }

    /** A gate over each candidate's own scenarios, under {@code scenarios/} of the directory it was built from. */
    public ScenarioGate() {
        this.fixed = null;
    }

    @Override
    public List<RuleMessage> check(RuleBase candidate) {
        Path scenarios = fixed != null ? fixed : candidate.directory().resolve(RuleFiles.SCENARIOS_DIR);
        if (!Files.isDirectory(scenarios)) {
            return List.of();
        }
        ScenarioRunner runner = new ScenarioRunner(DecisionEngine.over(candidate));
        List<RuleMessage> failures = new ArrayList<>();
        for (Path file : ScenarioSuite.files(scenarios)) {
            String name = "scenarios/" + file.toString().replace('\\', '/');
            try {
                ScenarioResult result = runner.run(ScenarioSuite.read(scenarios, file));
                if (!result.passed()) {
                    String first = result.report().lines().findFirst().orElse("a step failed");
                    failures.add(new RuleMessage(
                            name,
                            0,
                            "scenario fails against this rule base: " + first
                                    + (result.failedSteps().size() > 1
                                            ? " (and " + (result.failedSteps().size() - 1) + " more steps)"
                                            : "")));
                }
            } catch (ScenarioException | IllegalArgumentException e) {
                failures.add(new RuleMessage(name, 0, "scenario cannot be read: " + e.getMessage()));
            }
        }
        return failures;
    }
}
