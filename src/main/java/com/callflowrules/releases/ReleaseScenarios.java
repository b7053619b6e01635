package com.callflowrules.releases;

import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.description.Example;
import com.callflowrules.rules.RuleFiles;
import com.callflowrules.scenario.Scenario;
import com.callflowrules.scenario.ScenarioException;
import com.callflowrules.scenario.ScenarioReader;
import com.callflowrules.scenario.ScenarioResult;
import com.callflowrules.scenario.ScenarioRunner;
import com.callflowrules.scenario.StepDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A release's own scenarios run now, each against the release and against another (the
 * published one, for a review): which pass, the first failing step of each that does not, and
 * every step whose decision differs between the two. {@code scenarios run} and {@code scenarios
 * diff} for the API, so the workbench shows them without a shell.
 */
@Component
public class ReleaseScenarios {

    private final ReleaseRuleBases ruleBases;
    private final ReleaseRepository store;
    private final Releases releases;

    ReleaseScenarios(ReleaseRuleBases ruleBases, ReleaseRepository store, Releases releases) {
        this.ruleBases = ruleBases;
        this.store = store;
        this.releases = releases;
    }

    /** Every scenario of {@code version}, run against it and against {@code against}. */
    public Run run(String version, String against) {
        releases.find(against);
        Map<String, String> files = store.files(releases.find(version).version());
        ScenarioRunner mine = new ScenarioRunner(DecisionEngine.over(ruleBases.of(version)));
        ScenarioRunner theirs = new ScenarioRunner(DecisionEngine.over(ruleBases.of(against)));
        ScenarioReader reader = new ScenarioReader();
        List<Outcome> outcomes = new ArrayList<>();
        int passed = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().startsWith(RuleFiles.SCENARIOS_DIR + "/")) {
                continue;
            }
            Scenario scenario;
            try {
                scenario = reader.read(file.getKey(), file.getValue());
            } catch (ScenarioException | IllegalArgumentException e) {
                outcomes.add(new Outcome(file.getKey(), null, false, "cannot be read: " + e.getMessage(), List.of()));
                continue;
            }
            ScenarioResult result = mine.run(scenario);
            List<ScenarioResult.StepResult> before = theirs.run(scenario).steps();
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < result.steps().size() && i < before.size(); i++) {
                for (StepDifference difference : StepDifference.between(
                        before.get(i).observed(), result.steps().get(i).observed())) {
                    changes.add(new Change(
                            result.steps().get(i).step().describe(),
                            difference.field(),
                            difference.candidate(),
                            difference.base()));
                }
            }
            passed += result.passed() ? 1 : 0;
            outcomes.add(new Outcome(
                    file.getKey(),
                    scenario.name(),
                    result.passed(),
                    result.passed() ? null : result.report().lines().findFirst().orElse("a step failed"),
                    changes));
        }
        return new Run(version, against, passed, outcomes.size() - passed, outcomes);
    }

    /**
     * The scenarios of a release, run.
     *
     * @param version   the release whose scenarios ran, against itself
     * @param against   the release they also ran against, for the changes
     * @param passed    scenarios that pass against {@code version}
     * @param failed    scenarios that fail against it
     * @param scenarios each scenario, by file
     */
    public record Run(
            @Example("8fc2f2950f06") String version,
            @Example("048336cc7917") String against,
            int passed,
            int failed,
            List<Outcome> scenarios) {}

    /**
     * One scenario.
     *
     * @param file         its path in the release
     * @param name         its name, {@code null} when it cannot be read
     * @param passed       whether every step met its expectations against the release
     * @param firstFailure the first failing expectation (file, step, line, expected and actual)
     * @param changes      every observed field that differs from {@code against}, step by step
     */
    public record Outcome(
            @Example("secured/wrong-code-then-right-code.yaml")
            String file,

            @Example("a wrong code, then the right one") @Nullable
            String name,

            boolean passed,

            @Example("step 2 (line 21): alice enters 9999: attempts_left: expected 7, actual 2") @Nullable
            String firstFailure,

            List<Change> changes) {}

    /**
     * A field one step observes differently.
     *
     * @param step         the step, as the scenario report names it
     * @param field        the observed field
     * @param value        its value against the release
     * @param againstValue its value against the other release
     */
    public record Change(
            @Example("step 2 (line 16): alice enters 8080") String step,
            @Example("attempts_left") String field,
            @Example("2") @Nullable String value,
            @Example("4") @Nullable String againstValue) {}
}
