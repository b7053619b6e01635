package com.callflowrules.decision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code callflow.decisions.*}: the bounds of one decision and the decision cache.
 *
 * @param maxRulesFired firings one decision may make before it stops ({@code RULES_FAILED})
 * @param timeout       how long one decision may take before it stops ({@code RULES_FAILED})
 * @param maxAllocated  memory one decision may allocate on its thread before it stops ({@code RULES_FAILED})
 * @param cacheSize     decisions cached per rule-base version (0 turns the cache off)
 */
@ConfigurationProperties("callflow.decisions")
public record DecisionProperties(
        @DefaultValue("10000") int maxRulesFired,
        @DefaultValue("1s") Duration timeout,
        @DefaultValue("64MB") DataSize maxAllocated,
        @DefaultValue("10000") long cacheSize) {}
