package com.callflowrules.rules;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callflow.rules.*}: where the rule base is read from and how it is reloaded.
 *
 * @param directory         the rule base, by default {@code rules} relative to the working
 *                          directory (the repository root when run from a checkout)
 * @param watch             reload when files under the directory change
 * @param watchQuietPeriod  how long writes must have settled before a reload
 * @param scenarioGate      the service only: a candidate goes live only if every scenario under
 *                          {@code <directory>/scenarios} passes against it
 */
@ConfigurationProperties("callflow.rules")
public record RulesProperties(
        @DefaultValue("rules") Path directory,
        @DefaultValue("true") boolean watch,
        @DefaultValue("500ms") Duration watchQuietPeriod,
        @DefaultValue("true") boolean scenarioGate) {}
