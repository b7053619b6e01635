package com.callflowrules.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link Retention#sweep()} every {@code callflow.retention.interval}, off the request threads. */
@Component
@ConditionalOnProperty(name = "callflow.retention.enabled", havingValue = "true", matchIfMissing = true)
class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final Retention retention;

    RetentionSweep(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${callflow.retention.interval:10s}",
            initialDelayString = "${callflow.retention.interval:10s}")
    void sweep() {
        try {
            Retention.Swept swept = retention.sweep();
            if (swept.callsMoved() + swept.endedCallsDeleted() + swept.auditRowsDeleted() > 0) {
                log.debug(
                        "retention: {} ended calls moved, {} ended calls and {} audit rows deleted",
                        swept.callsMoved(),
                        swept.endedCallsDeleted(),
                        swept.auditRowsDeleted());
            }
        } catch (RuntimeException e) {
            log.error("the retention sweep failed; it runs again after the next interval", e);
        }
    }
}
