package com.callflowrules.rules;

import java.time.Instant;
import java.util.List;

/** The outcome of the last build from disk: when, whether it was clean, and its messages. */
public record BuildResult(Instant at, boolean clean, String version, List<RuleMessage> messages) {}
