package com.callflowrules.webhooks;

import com.callflowrules.decision.Decision;
import com.callflowrules.facts.MediaStep;
import java.util.List;

/** A decision's media as both platforms play it: the prompts as URLs, and the digit timeout. */
final class DecisionMedia {

    /** When a prompt collects no digits step (never in the shipped rules), the platforms' own default. */
    private static final int DEFAULT_COLLECT_SECONDS = 5;

    private DecisionMedia() {}

    /** The URLs of the prompts in order: {@code play} steps and the attendee count ({@code count_<n>}). */
    static List<String> promptUrls(Decision decision, WebhookProperties properties) {
        return decision.media().stream()
                .filter(step -> step.type().equals("play") || step.type().equals("announce_count"))
                .map(step -> properties.prompt(
                        step.language(),
                        step.type().equals("announce_count") ? "count_" + step.count() : step.prompt()))
                .toList();
    }

    /** How long the caller has to key digits. */
    static int collectSeconds(Decision decision) {
        return decision.media().stream()
                .filter(step -> step.type().equals("collect_digits"))
                .map(MediaStep::seconds)
                .findFirst()
                .orElse(DEFAULT_COLLECT_SECONDS);
    }
}
