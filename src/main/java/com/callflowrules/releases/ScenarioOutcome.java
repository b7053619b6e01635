package com.callflowrules.releases;

import java.util.List;

/**
 * How a release's scenarios did against it; none ran when it did not build.
 *
 * @param passed   scenarios that passed
 * @param failed   scenarios that failed
 * @param failures each failure, {@code scenarios/<file>: reason}
 */
public record ScenarioOutcome(int passed, int failed, List<String> failures) {

    public ScenarioOutcome {
        failures = List.copyOf(failures);
    }

    static final ScenarioOutcome NOT_RUN = new ScenarioOutcome(0, 0, List.of());
}
