package com.callflowrules.releases;

import com.callflowrules.rules.RuleBase;
import com.callflowrules.rules.RuleBaseException;
import com.callflowrules.rules.RuleBaseHolder;
import com.callflowrules.rules.RuleFiles;
import com.callflowrules.rules.RuleMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a release's files with the checks every rule base passes (compile, the compiled-code
 * check, meaning checks, the arrival probe, the scenario gate): the running holder's loader,
 * on a directory of the release's files. Swaps nothing.
 */
@Component
class ReleaseCheck {

    /** What the check gave: the built rule base when clean, else the messages. */
    record Checked(@Nullable RuleBase ruleBase, List<String> messages, ScenarioOutcome scenarios) {
        boolean clean() {
            return ruleBase != null;
        }
    }

    private final RuleBaseHolder ruleBases;
    private final boolean scenarioGate;

    ReleaseCheck(RuleBaseHolder ruleBases, List<com.callflowrules.rules.RuleBaseCheck> checks) {
        this.ruleBases = ruleBases;
        // without the gate (callflow.rules.scenario-gate=false) no scenario ran: none is counted
        this.scenarioGate = checks.stream().anyMatch(com.callflowrules.scenario.ScenarioGate.class::isInstance);
    }

    Checked check(Map<String, String> files) {
        List<RuleMessage> problems = ReleaseFiles.problems(files);
        if (!problems.isEmpty()) {
            return new Checked(null, strings(problems), ScenarioOutcome.NOT_RUN);
        }
        long scenarios = files.keySet().stream()
                .filter(path -> path.startsWith(RuleFiles.SCENARIOS_DIR + "/"))
                .count();
        Path directory = ReleaseFiles.temporary(files);
        try {
            RuleBase built = ruleBases.build(directory);
            return new Checked(
                    built,
                    strings(built.warnings()),
                    scenarioGate ? new ScenarioOutcome((int) scenarios, 0, List.of()) : ScenarioOutcome.NOT_RUN);
        } catch (RuleBaseException e) {
            List<String> failures = e.messages().stream()
                    .filter(m -> m.file().startsWith(RuleFiles.SCENARIOS_DIR + "/"))
                    .map(RuleMessage::toString)
                    .toList();
            // the scenario gate runs last: scenario failures mean everything before it passed
            ScenarioOutcome outcome = failures.isEmpty()
                    ? ScenarioOutcome.NOT_RUN
                    : new ScenarioOutcome((int) scenarios - failures.size(), failures.size(), failures);
            return new Checked(null, strings(e.messages()), outcome);
        } finally {
            ReleaseFiles.delete(directory);
        }
    }

    private static List<String> strings(List<RuleMessage> messages) {
        return messages.stream().map(RuleMessage::toString).toList();
    }
}
