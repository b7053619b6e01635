package com.callflowrules.support;

import com.callflowrules.decision.DecisionEngine;
import java.nio.file.Path;

/** The real rule base under {@code rules/} at the repository root, built once per test JVM. */
public final class ShippedRules {

    /** The shipped rules directory; Maven runs tests from the repository root. */
    public static final Path DIRECTORY = Path.of("rules").toAbsolutePath();

    private static DecisionEngine engine;

    private ShippedRules() {}

    public static synchronized DecisionEngine engine() {
        if (engine == null) {
            engine = DecisionEngine.forRulesDirectory(DIRECTORY);
        }
        return engine;
    }
}
