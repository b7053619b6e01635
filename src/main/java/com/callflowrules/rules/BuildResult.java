package com.callflowrules.rules;

import com.callflowrules.description.Example;
import java.time.Instant;
import java.util.List;

/** The outcome of the last build from disk: when, whether it was clean, and its messages. */
public record BuildResult(
        Instant at, boolean clean, @Example("8fc2f2950f06") String version, List<RuleMessage> messages) {}
