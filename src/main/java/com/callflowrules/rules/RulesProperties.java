package com.callflowrules.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule base is read from: {@code callflow.rules.directory}, by default {@code rules}
 * relative to the working directory (the repository root when run from a checkout).
 */
@ConfigurationProperties("callflow.rules")
public record RulesProperties(@DefaultValue("rules") Path directory) {
}
