package com.callflowrules.releases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a release's life: who moved it from which state to which, and when. */
public record ReleaseStep(
        String version,
        @Nullable ReleaseState from,
        ReleaseState to,
        String actor,
        Instant at,
        @Nullable String note) {}
