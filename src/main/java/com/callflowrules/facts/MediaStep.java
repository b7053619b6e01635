package com.callflowrules.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One step of what the caller (or, for tones, the meeting) hears or is asked for, in order.
 * Fields that do not apply to a step's type are {@code null}.
 *
 * @param type     {@code play}, {@code collect_digits}, {@code music_on_hold}, {@code announce_count},
 *                 {@code entry_tone} or {@code exit_tone}; rules may add others
 * @param prompt   the media name played
 * @param language the prompt language
 * @param seconds  a timeout or duration
 * @param count    the attendee count announced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaStep(
        String type,
        @Nullable String prompt,
        @Nullable String language,
        @Nullable Integer seconds,
        @Nullable Integer count) {

    public static MediaStep play(String prompt, String language) {
        return new MediaStep("play", prompt, language, null, null);
    }

    public static MediaStep collectDigits(int timeoutSeconds) {
        return new MediaStep("collect_digits", null, null, timeoutSeconds, null);
    }

    public static MediaStep musicOnHold(String music, int seconds) {
        return new MediaStep("music_on_hold", music, null, seconds, null);
    }

    public static MediaStep announceCount(int count, String language) {
        return new MediaStep("announce_count", null, language, null, count);
    }

    public static MediaStep tone(String type) {
        return new MediaStep(type, null, null, null, null);
    }
}
