package com.callflowrules.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code callflow.timers.*}: the scheduler that fires start-wait and stop-grace timers.
 *
 * @param enabled  {@code false} for tests that drive the clock themselves
 * @param interval how often due timers are looked for
 */
@ConfigurationProperties("callflow.timers")
public record TimerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration interval) {

    public TimerProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("callflow.timers.interval must be positive, was " + interval);
        }
    }
}
