package com.callflowrules.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told: a scenario's {@code wait} step, or a test driving timers.
 * Safe to read from the threads of a {@code together} step.
 */
public final class ScenarioClock extends Clock {

    private final AtomicReference<Instant> now;

    /** A clock at the instant scenarios start from. */
    public ScenarioClock() {
        this(Instant.parse("2026-01-05T09:00:00Z"));
    }

    public ScenarioClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
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
