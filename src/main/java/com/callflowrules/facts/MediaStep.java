package com.callflowrules.facts;

import com.callflowrules.description.Example;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One step of what the caller (or, for tones, the meeting) hears or is asked for, in order.
 * Fields that do not apply to a step's type are {@code null}.
 *
 * @param type     what the step is
 * @param prompt   the media name played
 * @param language the prompt language
 * @param seconds  a timeout or duration
 * @param count    the attendee count announced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaStep(
        MediaKind type,
        @Example("default") @Nullable String prompt,
        @Example("en_US") @Nullable String language,
        @Example("30") @Nullable Integer seconds,
        @Nullable Integer count) {

    public static MediaStep play(String prompt, String language) {
        return new MediaStep(MediaKind.PLAY, prompt, language, null, null);
    }

    public static MediaStep collectDigits(int timeoutSeconds) {
        return new MediaStep(MediaKind.COLLECT_DIGITS, null, null, timeoutSeconds, null);
    }

    public static MediaStep musicOnHold(String music, int seconds) {
        return new MediaStep(MediaKind.MUSIC_ON_HOLD, music, null, seconds, null);
    }

    public static MediaStep announceCount(int count, String language) {
        return new MediaStep(MediaKind.ANNOUNCE_COUNT, null, language, null, count);
    }

    /** The entry or exit tone the meeting hears. */
    public static MediaStep tone(MediaKind type) {
        return new MediaStep(type, null, null, null, null);
    }
}
