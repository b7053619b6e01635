package com.callflowrules.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Fires due timers without a client request, every {@code callflow.timers.interval} (1 s).
 * {@code callflow.timers.enabled=false} turns it off, for tests that drive the clock themselves.
 */
@Component
@ConditionalOnProperty(name = "callflow.timers.enabled", havingValue = "true", matchIfMissing = true)
class TimerScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);

    private final CallControl calls;
    private final TimerProperties properties;

    TimerScheduler(CallControl calls, TimerProperties properties) {
        this.calls = calls;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::fire, properties.interval());
    }

    void fire() {
        try {
            int fired = calls.fireDueTimers();
            if (fired > 0) {
                log.debug("{} timer(s) fired", fired);
            }
        } catch (RuntimeException e) {
            log.error("firing timers failed; they are retried on the next tick", e);
        }
    }
}
