package com.callflowrules.scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The clock of one scenario run: it moves only when a step says {@code wait}. */
final class ScenarioClock extends Clock {

    private Instant now = Instant.parse("2026-01-05T09:00:00Z");

    void advance(long seconds) {
        now = now.plusSeconds(seconds);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
