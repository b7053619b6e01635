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
        @Nullable String note) {

    /** The note of a publish that rolled back, followed by the version it left. */
    static final String ROLLBACK_FROM = "rollback from ";

    /**
     * The releases published, newest first, from their publish steps oldest first: a rollback
     * takes the release it left off the stack, so rolling back again goes further back.
     */
    static java.util.Deque<String> publishedStack(java.util.List<ReleaseStep> publishSteps) {
        java.util.Deque<String> published = new java.util.ArrayDeque<>();
        for (ReleaseStep step : publishSteps) {
            if (step.note() != null && step.note().startsWith(ROLLBACK_FROM)) {
                published.pop();
            } else {
                published.push(step.version());
            }
        }
        return published;
    }
}
