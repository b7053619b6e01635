package com.callflowrules.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due timers without a client request, every {@code callflow.timers.interval} (1 s).
 * {@code callflow.timers.enabled=false} turns it off, for tests that drive the clock themselves.
 */
@Component
@ConditionalOnProperty(name = "callflow.timers.enabled", havingValue = "true", matchIfMissing = true)
class TimerScheduler {

    private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);

    private final CallControl calls;

    TimerScheduler(CallControl calls) {
        this.calls = calls;
    }

    @Scheduled(fixedDelayString = "${callflow.timers.interval:1s}")
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
