package com.callflowrules.webhooks;

import com.callflowrules.decision.Decision;
import com.callflowrules.facts.MediaKind;
import com.callflowrules.facts.MediaStep;
import java.util.List;

/**
 * A decision's media as both platforms play it: its prompts and the attendee count as
 * recordings at the configured media URL, or, with none configured, as speech from the
 * {@link PromptCatalogue}; and the digit timeout.
 */
final class DecisionMedia {

    /** When a prompt collects no digits step (never in the shipped rules), the platforms' own default. */
    private static final int DEFAULT_COLLECT_SECONDS = 5;

    private final WebhookProperties properties;
    private final PromptCatalogue catalogue = new PromptCatalogue();

    DecisionMedia(WebhookProperties properties) {
        this.properties = properties;
    }

    /** What the caller hears, in order: {@code play} steps and the attendee count ({@code count_<n>}). */
    List<Audio> prompts(Decision decision) {
        return decision.media().stream()
                .filter(step -> step.type().speaks())
                .map(step -> audio(decision, step))
                .toList();
    }

    /** The apology of a webhook that could not decide: said unless a recording of it is configured. */
    Audio unavailable() {
        return properties.recordings()
                ? new Audio.Recording(properties.prompt("en_US", "unavailable"))
                : new Audio.Speech(catalogue.unavailable("en_US"), "en-US");
    }

    private Audio audio(Decision decision, MediaStep step) {
        boolean count = step.type() == MediaKind.ANNOUNCE_COUNT;
        if (properties.recordings()) {
            return new Audio.Recording(
                    properties.prompt(step.language(), count ? "count_" + step.count() : step.prompt()));
        }
        String text = count
                ? catalogue.count(step.count() == null ? 0 : step.count(), step.language())
                : catalogue.text(step.prompt(), step.language(), decision.action());
        return new Audio.Speech(text, PromptCatalogue.languageTag(step.language()));
    }

    /** How long the caller has to key digits. */
    static int collectSeconds(Decision decision) {
        return decision.media().stream()
                .filter(step -> step.type() == MediaKind.COLLECT_DIGITS)
                .map(MediaStep::seconds)
                .findFirst()
                .orElse(DEFAULT_COLLECT_SECONDS);
    }
}
